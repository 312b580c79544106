import fs from 'node:fs';
import path from 'node:path';
import type { CurrentIndex, IndexManifest, IndexedFile } from '../index/format';
import { FILES_FILE, JAVA_FILE, MANIFEST_FILE, currentIndexFile, indexDir } from '../index/paths';

/**
 * Writes an index folder; each file is written beside its final name and renamed into place.
 * `javaJson` maps a content hash to that file's facts, already serialized.
 */
export function writeIndex(manifest: IndexManifest, files: IndexedFile[], javaJson: Map<string, string>): string {
  const dir = indexDir(manifest.stamp);
  fs.mkdirSync(dir, { recursive: true });
  const entries = [...javaJson].map(([sha, json]) => `${JSON.stringify(sha)}:${json}`);
  writeAtomically(path.join(dir, JAVA_FILE), `{${entries.join(',\n')}}`);
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

function writeAtomically(file: string, content: string): void {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, content);
  fs.renameSync(partial, file);
}
