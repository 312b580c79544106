import type { JavaImport } from './types';

/** An import statement with nothing but names in it: no comment, no annotation, nothing damaged. */
const PLAIN_IMPORT = /^import\s+(static\s+)?([\p{L}\p{N}_$]+(?:\s*\.\s*[\p{L}\p{N}_$]+)*)(\s*\.\s*\*)?\s*;$/u;

/**
 * Reads a plain import statement (its whole text, `import` to `;`); null for anything else, which
 * the caller reads from the syntax tree. Nearly every import is plain.
 */
export function plainImport(statement: string, line: number): JavaImport | null {
  const match = PLAIN_IMPORT.exec(statement);
  return match ? { name: match[2]!, isStatic: match[1] !== undefined, onDemand: match[3] !== undefined, line } : null;
}
