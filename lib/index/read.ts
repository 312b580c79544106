import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../cli/errors';
import { FILES_FILE, JAVA_FILE, MANIFEST_FILE, currentIndexFile, indexDir } from './paths';
import { INDEX_FORMAT, type CurrentIndex, type IndexManifest, type IndexedFile, type JavaFacts } from './format';

export interface IndexFiles {
  dir: string;
  manifest: IndexManifest;
  files: IndexedFile[];
}

export interface LoadedIndex extends IndexFiles {
  java: JavaFacts;
}

/** The stamp of the index the app and the checker use, or null before the first ingest. */
export function currentStamp(): string | null {
  try {
    return (JSON.parse(fs.readFileSync(currentIndexFile(), 'utf8')) as CurrentIndex).stamp;
  } catch {
    return null;
  }
}

/** Reads an index's manifest and file list; null when missing or written in an older format. */
export function readIndexFiles(stamp: string): IndexFiles | null {
  const dir = indexDir(stamp);
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as IndexManifest;
    if (manifest.format !== INDEX_FORMAT) return null;
    const files = JSON.parse(fs.readFileSync(path.join(dir, FILES_FILE), 'utf8')) as IndexedFile[];
    return { dir, manifest, files };
  } catch {
    return null;
  }
}

/** Reads a whole index, facts included; null when missing or written in an older format. */
export function readIndex(stamp: string): LoadedIndex | null {
  const listing = readIndexFiles(stamp);
  if (!listing) return null;
  try {
    const java = JSON.parse(fs.readFileSync(path.join(listing.dir, JAVA_FILE), 'utf8')) as JavaFacts;
    return { ...listing, java };
  } catch {
    return null;
  }
}

/** The current index, or a user error that says how to build it. */
export function requireCurrentIndex(): LoadedIndex {
  const stamp = currentStamp();
  const index = stamp ? readIndex(stamp) : null;
  if (!index) {
    throw new UserError('no source index yet', { hint: 'run `npm run ingest` first (it fetches the RocketMQ source when needed)' });
  }
  return index;
}
