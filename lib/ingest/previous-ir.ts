import fs from 'node:fs';
import path from 'node:path';
import { XREF_IR_FILE } from '../xref/format';

/**
 * The cross-reference IR of the previous index, per content hash, still serialized: files that did
 * not change keep theirs, and only the resolution is redone.
 */
export function readPreviousIr(dir: string): Map<string, string> {
  const ir = new Map<string, string>();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(fs.readFileSync(path.join(dir, XREF_IR_FILE), 'utf8')) as Record<string, unknown>;
  } catch {
    return ir;
  }
  for (const [sha, value] of Object.entries(parsed)) ir.set(sha, JSON.stringify(value));
  return ir;
}
