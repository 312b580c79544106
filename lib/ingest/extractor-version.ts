import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The code that turns a Java text into facts and cross-reference IR; a change to any of it invalidates old indexes. */
const EXTRACTOR_SOURCES = ['../java', '../xref', './parse-one.ts'];

let cached: string | undefined;

/** A hash of the extraction code itself, stored in each index so that improved extraction rebuilds it. */
export function extractorVersion(): string {
  if (cached) return cached;
  const hash = crypto.createHash('sha1');
  for (const relative of EXTRACTOR_SOURCES) {
    const absolute = fileURLToPath(new URL(relative, import.meta.url));
    const files = fs.statSync(absolute).isDirectory() ? fs.readdirSync(absolute).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(absolute, f)) : [absolute];
    for (const file of files) hash.update(path.basename(file)).update(fs.readFileSync(file));
  }
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
