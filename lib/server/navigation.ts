import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { TYPE_KINDS, type JavaSymbol } from '../java/types';
import { XREF_FILE, parseTarget, xrefAt, type FileXrefs, type XrefIndex } from '../xref/format';
import { SymbolTables } from '../xref/tables';
import type { LinksPayload } from '../site/links-format';
import { urls } from '../site/urls';
import { derived, runtime, sourceLines } from './runtime';

/** Where a symbol is declared, as the UI shows it. */
export interface SymbolLocation {
  id: string;
  name: string;
  kind: JavaSymbol['kind'];
  path: string;
  line: number;
  column: number;
  href: string;
}

export interface ReferenceGroup {
  path: string;
  refs: Array<{ line: number; column: number; length: number; preview: string }>;
}

export function xrefIndex(): XrefIndex {
  return derived('xrefs', ({ index }) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(index.dir, XREF_FILE), 'utf8')) as XrefIndex;
    } catch {
      return {};
    }
  });
}

export function symbolTables(): SymbolTables {
  return derived('tables', ({ index }) => new SymbolTables(index.files, index.java));
}

/** Every declaration by id with the file it is in. */
function symbolPaths(): Map<string, string> {
  return derived('symbol-paths', ({ index }) => {
    const paths = new Map<string, string>();
    for (const file of index.files) {
      for (const symbol of (file.kind === 'java' ? index.java[file.sha1]?.symbols : undefined) ?? []) {
        if (symbol.kind !== 'package' && !paths.has(symbol.id)) paths.set(symbol.id, file.path);
      }
    }
    return paths;
  });
}

export function locate(id: string): SymbolLocation | null {
  const symbol = symbolTables().symbols.get(id);
  const file = symbolPaths().get(id);
  if (!symbol || !file) return null;
  const [line, column] = symbol.nameRange;
  return { id, name: symbol.name, kind: symbol.kind, path: file, line, column, href: urls.code(file, [line, line]) };
}

export type Definition =
  | { kind: 'symbol'; target: SymbolLocation }
  | { kind: 'local'; path: string; line: number; column: number; href: string }
  | { kind: 'ambiguous'; candidates: SymbolLocation[] };

/** What the identifier at a position (1-based, anywhere inside it) refers to, or null. */
export function definitionAt(filePath: string, line: number, column: number): Definition | null {
  const file = xrefIndex()[filePath];
  const hit = file ? xrefAt(file, line, column) : null;
  if (!hit) return null;
  const target = parseTarget(hit.target);
  if (target.kind === 'local') return { kind: 'local', path: filePath, line: target.line, column: target.column, href: urls.code(filePath, [target.line, target.line]) };
  if (target.kind === 'ambiguous') return { kind: 'ambiguous', candidates: target.ids.map(locate).filter((l): l is SymbolLocation => l !== null) };
  const location = locate(target.id);
  return location ? { kind: 'symbol', target: location } : null;
}

/** Every place that refers to a declaration, grouped by file, in path and line order. */
export function referencesTo(id: string): { total: number; groups: ReferenceGroup[] } {
  const index = derived('references', () => {
    const byTarget = new Map<string, Array<[string, number, number, number]>>();
    for (const [filePath, file] of Object.entries(xrefIndex())) {
      const { refs, targets } = file;
      for (let i = 0; i < refs.length; i += 4) {
        const target = targets[refs[i + 3]!]!;
        if (target.startsWith('@') || target.startsWith('?')) continue;
        const list = byTarget.get(target) ?? [];
        list.push([filePath, refs[i]!, refs[i + 1]!, refs[i + 2]!]);
        byTarget.set(target, list);
      }
    }
    return byTarget;
  });
  const found = index.get(id) ?? [];
  const groups = new Map<string, ReferenceGroup>();
  for (const [filePath, line, column, length] of found) {
    const group = groups.get(filePath) ?? { path: filePath, refs: [] };
    group.refs.push({ line, column, length, preview: (sourceLines(filePath)?.[line - 1] ?? '').trim().slice(0, 200) });
    groups.set(filePath, group);
  }
  const sorted = [...groups.values()].sort((a, b) => a.path.localeCompare(b.path));
  for (const group of sorted) group.refs.sort((a, b) => a.line - b.line || a.column - b.column);
  return { total: found.length, groups: sorted };
}

/**
 * For a type: the types that extend or implement it (transitively). For a method: the methods with
 * the same name and parameters in those types (implementations), and the ones it overrides.
 */
export function implementationsOf(id: string): { implementations: SymbolLocation[]; overrides: SymbolLocation[] } {
  const tables = symbolTables();
  const symbol = tables.symbols.get(id);
  if (!symbol) return { implementations: [], overrides: [] };
  const subtypes = derived('subtypes', () => {
    const map = new Map<string, string[]>();
    for (const typeId of tables.types.keys()) {
      for (const parent of tables.supertypes(typeId)) {
        const list = map.get(parent) ?? [];
        list.push(typeId);
        map.set(parent, list);
      }
    }
    return map;
  });
  const descendants = (typeId: string): string[] => {
    const out: string[] = [];
    const queue = [...(subtypes.get(typeId) ?? [])];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      out.push(next);
      queue.push(...(subtypes.get(next) ?? []));
    }
    return out;
  };
  const located = (ids: Iterable<string>) => [...ids].map(locate).filter((l): l is SymbolLocation => l !== null);
  if (TYPE_KINDS.has(symbol.kind)) return { implementations: located(descendants(id)), overrides: located(tables.supertypes(id)) };
  if (symbol.kind !== 'method' || !symbol.parent) return { implementations: [], overrides: [] };
  const signature = (symbol.parameters ?? []).join(',');
  const sameSignature = (typeId: string) => tables.types.get(typeId)?.members.get(symbol.name)?.find((m) => m.kind === 'method' && (m.parameters ?? []).join(',') === signature);
  const implementations = descendants(symbol.parent).map(sameSignature).filter((m): m is JavaSymbol => m !== undefined).map((m) => m.id);
  const overrides = tables.hierarchy(symbol.parent).slice(1).map(sameSignature).filter((m): m is JavaSymbol => m !== undefined).map((m) => m.id);
  return { implementations: located(implementations), overrides: located(overrides) };
}

export interface HoverInfo {
  location: SymbolLocation;
  signature: string;
  doc: string | null;
  annotations: number;
  references: number;
}

/** What a hover card shows: the declaration's header, the first sentence of its javadoc, counts. */
export function hoverInfo(id: string): HoverInfo | null {
  const location = locate(id);
  const symbol = symbolTables().symbols.get(id);
  if (!location || !symbol) return null;
  const lines = sourceLines(location.path) ?? [];
  const header = lines.slice(symbol.range[0] - 1, Math.min(symbol.headerEndLine, symbol.range[0] + 6)).join(' ');
  const signature = header.replace(/\s+/g, ' ').replace(/\s*\{.*$/, '').replace(/\s*;\s*$/, '').trim().slice(0, 300);
  const doc = symbol.javadoc ? firstSentence(lines.slice(symbol.javadoc[0] - 1, symbol.javadoc[2]).join('\n')) : null;
  const annotations = (runtime().site.files[location.path]?.annotations ?? []).filter((a) => a.symbol === id || (a.lines && a.lines[0] >= symbol.range[0] && a.lines[1] <= symbol.range[2] && TYPE_KINDS.has(symbol.kind) === false)).length;
  return { location, signature, doc, annotations, references: referencesTo(id).total };
}

function firstSentence(javadoc: string): string | null {
  const text = javadoc
    .replace(/^\s*\/\*\*|\*\/\s*$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, ''))
    .filter((line) => !line.trim().startsWith('@'))
    .join(' ')
    .replace(/\{@(?:link|linkplain|code)\s+([^}]*)\}/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  const end = text.search(/[.!?](\s|$)/);
  return (end >= 0 ? text.slice(0, end + 1) : text).slice(0, 400);
}

/** The file's cross-references with every target located, in the compact form the code view fetches. */
export function fileLinks(filePath: string): LinksPayload | null {
  const file: FileXrefs | undefined = xrefIndex()[filePath];
  if (!file) return null;
  const paths: string[] = [];
  const pathIndex = new Map<string, number>();
  const indexOfPath = (p: string) => {
    let index = pathIndex.get(p);
    if (index === undefined) {
      index = paths.length;
      paths.push(p);
      pathIndex.set(p, index);
    }
    return index;
  };
  const targets = file.targets.map((raw): LinksPayload['targets'][number] => {
    const target = parseTarget(raw);
    if (target.kind === 'local') return [1, -1, target.line, ''];
    if (target.kind === 'ambiguous') return [2, -1, 0, target.ids.join('|')];
    const location = locate(target.id);
    return location ? [0, indexOfPath(location.path), location.line, target.id] : [0, -1, 0, target.id];
  });
  const refs: number[] = [];
  let previous = 0;
  for (let i = 0; i < file.refs.length; i += 4) {
    refs.push(file.refs[i]! - previous, file.refs[i + 1]!, file.refs[i + 2]!, file.refs[i + 3]!);
    previous = file.refs[i]!;
  }
  return { refs, paths, targets };
}
