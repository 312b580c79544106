/**
 * Cross-references as the index stores them (`.data/index/<stamp>/xrefs.json`) and the app reads
 * them: per file, a flat list of numbers, four per identifier occurrence (line, column, length,
 * target), and the file's table of targets. A target is a symbol id; `@<line>:<column>` for a local
 * variable or parameter declared in the same file; `?<id>|<id>...` when several declarations fit
 * equally (the candidates are listed, none is chosen).
 */
export interface FileXrefs {
  /** line, column, length, index into `targets`; repeated. */
  refs: number[];
  targets: string[];
}

export type XrefIndex = Record<string, FileXrefs>;

export const XREF_FILE = 'xrefs.json';
export const XREF_IR_FILE = 'xref-ir.json';

export function localTarget(line: number, column: number): string {
  return `@${line}:${column}`;
}

export function ambiguousTarget(ids: readonly string[]): string {
  return `?${ids.join('|')}`;
}

export type Target = { kind: 'symbol'; id: string } | { kind: 'local'; line: number; column: number } | { kind: 'ambiguous'; ids: string[] };

export function parseTarget(target: string): Target {
  if (target.startsWith('@')) {
    const [line = '0', column = '0'] = target.slice(1).split(':');
    return { kind: 'local', line: Number(line), column: Number(column) };
  }
  if (target.startsWith('?')) return { kind: 'ambiguous', ids: target.slice(1).split('|') };
  return { kind: 'symbol', id: target };
}

/** The occurrence at a position (1-based line and column anywhere inside the identifier). */
export function xrefAt(file: FileXrefs, line: number, column: number): { line: number; column: number; length: number; target: string } | null {
  const refs = file.refs;
  for (let i = 0; i < refs.length; i += 4) {
    if (refs[i] === line && column >= refs[i + 1]! && column < refs[i + 1]! + refs[i + 2]!) {
      return { line, column: refs[i + 1]!, length: refs[i + 2]!, target: file.targets[refs[i + 3]!]! };
    }
  }
  return null;
}
