import type { IndexedFile, JavaFacts } from '../index/format';
import { ambiguousTarget, localTarget, type XrefIndex } from './format';
import type { FileXrefIr, Use } from './ir';
import { Resolver } from './resolve';
import { SymbolTables } from './tables';

export interface XrefStats {
  uses: number;
  resolved: number;
  ambiguous: number;
  locals: number;
}

/** Resolves every file's uses against the whole source and packs the results per file. */
export function buildXrefs(files: readonly IndexedFile[], java: JavaFacts, irByHash: ReadonlyMap<string, FileXrefIr>): { xrefs: XrefIndex; stats: XrefStats } {
  const tables = new SymbolTables(files, java);
  const resolver = new Resolver(tables);
  const xrefs: XrefIndex = {};
  const stats: XrefStats = { uses: 0, resolved: 0, ambiguous: 0, locals: 0 };
  for (const file of files) {
    if (file.kind !== 'java') continue;
    const ir = irByHash.get(file.sha1);
    if (!ir) continue;
    const targets: string[] = [];
    const targetIndex = new Map<string, number>();
    const indexOf = (target: string) => {
      let index = targetIndex.get(target);
      if (index === undefined) {
        index = targets.length;
        targets.push(target);
        targetIndex.set(target, index);
      }
      return index;
    };
    const rows: Array<[number, number, number, number]> = [];
    for (const [line, column, length, declLine, declColumn] of ir.locals) {
      rows.push([line, column, length, indexOf(localTarget(declLine, declColumn))]);
      stats.locals++;
    }
    for (const { use, resolved } of resolver.resolveFile(file.path, ir)) {
      stats.uses++;
      if (!resolved) continue;
      const target = resolved.kind === 'symbol' ? resolved.id : ambiguousTarget(resolved.ids);
      if (resolved.kind === 'symbol') stats.resolved++;
      else stats.ambiguous++;
      rows.push([use.p[0], use.p[1], lengthOf(use), indexOf(target)]);
    }
    rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    xrefs[file.path] = { refs: rows.flat(), targets };
  }
  return { xrefs, stats };
}

function lengthOf(use: Use): number {
  switch (use.u) {
    case 'type':
    case 'new':
    case 'ctor':
      return use.len;
    default:
      return use.n.length;
  }
}
