import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { countLines } from '../java/symbols';
import { decodeSource, looksBinary } from '../java/decode';
import type { FileKind, IndexedFile } from '../index/format';
import type { ListedFile } from './1.list-files';

export interface ReadSource {
  entry: IndexedFile;
  /** Decoded text of a Java file that has to be parsed. */
  javaText?: string;
}

/**
 * Reads a file that is new or changed since the last run, hashes its bytes and classifies it.
 * The decoded text is kept only for Java files, which the next stage parses.
 */
export function readSource(root: string, listed: ListedFile): ReadSource {
  const bytes = fs.readFileSync(path.join(root, listed.path));
  const sha1 = crypto.createHash('sha1').update(bytes).digest('hex');
  const base = { path: listed.path, size: listed.size, mtimeMs: listed.mtimeMs, sha1 };
  if (looksBinary(bytes)) return { entry: { ...base, kind: 'binary', lines: 0 } };
  const decoded = decodeSource(bytes);
  const kind: FileKind = listed.path.endsWith('.java') ? 'java' : 'text';
  const entry: IndexedFile = { ...base, kind, lines: countLines(decoded.text) };
  if (decoded.encoding !== 'utf-8') entry.encoding = decoded.encoding;
  return kind === 'java' ? { entry, javaText: decoded.text } : { entry };
}
