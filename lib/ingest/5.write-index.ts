import fs from 'node:fs';
import path from 'node:path';
import type { CurrentIndex, IndexManifest, IndexedFile } from '../index/format';
import { FILES_FILE, JAVA_FILE, MANIFEST_FILE, currentIndexFile, indexDir } from '../index/paths';
import { XREF_FILE, XREF_IR_FILE, type XrefIndex } from '../xref/format';

/**
 * Writes an index folder; each file is written beside its final name and renamed into place.
 * `javaJson` and `irJson` map a content hash to that file's facts and cross-reference IR, already
 * serialized.
 */
export function writeIndex(manifest: IndexManifest, files: IndexedFile[], javaJson: Map<string, string>, xref?: { index: XrefIndex; irJson: Map<string, string> }): string {
  const dir = indexDir(manifest.stamp);
  fs.mkdirSync(dir, { recursive: true });
  writeAtomically(path.join(dir, JAVA_FILE), jsonObject(javaJson));
  if (xref) {
    writeAtomically(path.join(dir, XREF_IR_FILE), jsonObject(xref.irJson));
    writeAtomically(path.join(dir, XREF_FILE), JSON.stringify(xref.index));
  } else {
    fs.rmSync(path.join(dir, XREF_IR_FILE), { force: true });
    fs.rmSync(path.join(dir, XREF_FILE), { force: true });
  }
  writeAtomically(path.join(dir, FILES_FILE), JSON.stringify(files));
  // The manifest goes last: an index whose manifest is missing or stale is rebuilt, never half-read.
  writeAtomically(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return dir;
}

export function setCurrentIndex(stamp: string): void {
  const current: CurrentIndex = { stamp };
  fs.mkdirSync(path.dirname(currentIndexFile()), { recursive: true });
  writeAtomically(currentIndexFile(), JSON.stringify(current) + '\n');
}

function jsonObject(entries: Map<string, string>): string {
  return `{${[...entries].map(([key, json]) => `${JSON.stringify(key)}:${json}`).join(',\n')}}`;
}

function writeAtomically(file: string, content: string): void {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, content);
  fs.renameSync(partial, file);
}
