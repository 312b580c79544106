import fs from 'node:fs';
import path from 'node:path';
import { applyEdits, type TextEdit } from './text-edits';

/** Applies each file's edits and writes the files whose text changed; returns those, sorted, relative to `root`. */
export function writeEdits(root: string, edits: ReadonlyMap<string, readonly TextEdit[]>): string[] {
  const written: string[] = [];
  for (const [file, list] of edits) {
    const absolute = path.join(root, file);
    const before = fs.readFileSync(absolute, 'utf8');
    const after = applyEdits(before, list);
    if (after !== before) {
      fs.writeFileSync(absolute, after);
      written.push(file);
    }
  }
  return written.sort();
}
