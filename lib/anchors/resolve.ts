import type { JavaSymbol } from '../java/types';
import { fingerprintTokens, lineHash } from './fingerprint';

/**
 * Where an anchor stands against a version of the source:
 * - exact: the fingerprinted lines are where the anchor says;
 * - moved: the same lines (identical after whitespace normalization) are found elsewhere in the
 *   symbol or the file, or the symbol was renamed around unchanged lines;
 * - changed: the symbol still exists (or a similar block was found) but its lines differ;
 * - orphaned: neither the lines nor the symbol can be found.
 * Only exact and moved anchors are shown at lines; the others are listed apart.
 */
export type AnchorState = 'exact' | 'moved' | 'changed' | 'orphaned';

export interface Anchor {
  symbol?: string;
  /** Inclusive, 1-based. */
  lines?: readonly [number, number];
  fingerprint?: string;
}

/** One version of one file, as the resolver needs it. */
export interface FileVersion {
  path: string;
  lines: readonly string[];
  symbols: readonly JavaSymbol[];
}

export interface Resolution {
  state: AnchorState;
  /** Where the anchored lines are now (exact and moved), or the best candidate (changed). */
  lines?: [number, number];
  /** The symbol id now (changed for a renamed symbol), when the anchor has one. */
  symbol?: string;
  /** For changed anchors: share of the fingerprinted lines still found in order, 0..1. */
  similarity?: number;
  /** Human-readable detail for reports. */
  detail: string;
}

/** Below this share of matching lines, a block without its symbol counts as gone. */
export const SIMILARITY_THRESHOLD = 0.5;

/** The lines a symbol-only anchor covers: its declaration header (from its first line to where its body opens). */
export function headerLines(symbol: JavaSymbol): [number, number] {
  return [symbol.range[0], Math.max(symbol.range[0], symbol.headerEndLine)];
}

export function hashesOf(file: FileVersion): string[] {
  return file.lines.map(lineHash);
}

export function resolveAnchor(anchor: Anchor, file: FileVersion | null, hashes?: readonly string[]): Resolution {
  if (!file) return { state: 'orphaned', detail: 'the file is gone' };
  const fileHashes = hashes ?? hashesOf(file);
  const symbol = anchor.symbol ? file.symbols.find((s) => s.id === anchor.symbol) : undefined;
  const expected = anchor.lines ?? (symbol ? headerLines(symbol) : undefined);
  if (!anchor.fingerprint) {
    if (!expected) return { state: 'orphaned', detail: `symbol ${anchor.symbol ?? '?'} not found` };
    return { state: 'changed', lines: [...expected], symbol: symbol?.id, detail: 'no fingerprint to compare with' };
  }
  const tokens = fingerprintTokens(anchor.fingerprint);

  if (expected && matchesAt(fileHashes, tokens, expected[0])) {
    if (!anchor.symbol || symbol) return { state: 'exact', lines: [...expected], symbol: symbol?.id, detail: 'unchanged' };
    const around = enclosingSymbol(file.symbols, expected, anchor.symbol);
    return around
      ? { state: 'moved', lines: [...expected], symbol: around.id, detail: `lines unchanged; symbol is now ${around.id}` }
      : { state: 'changed', lines: [...expected], detail: `lines unchanged but symbol ${anchor.symbol} is gone` };
  }

  // The same lines elsewhere: inside the symbol first, then anywhere in the file.
  const scope = symbol ? ([symbol.range[0], symbol.range[2]] as const) : undefined;
  const near = expected?.[0] ?? scope?.[0] ?? 1;
  const found = (scope && findSequence(fileHashes, tokens, near, scope)) ?? findSequence(fileHashes, tokens, near);
  if (found !== null) {
    const lines: [number, number] = [found, found + tokens.length - 1];
    if (!anchor.symbol) return { state: 'moved', lines, detail: `found at ${lines[0]}-${lines[1]}` };
    const owner = symbol && contains(symbol, lines) ? symbol : anchor.lines ? enclosingSymbol(file.symbols, lines, anchor.symbol) : undefined;
    if (owner) return { state: 'moved', lines, symbol: owner.id, detail: `found at ${lines[0]}-${lines[1]}${owner.id === anchor.symbol ? '' : `; symbol is now ${owner.id}`}` };
    if (!anchor.lines) {
      const renamed = file.symbols.find((s) => s.range[0] === lines[0] && kindOf(s.id) === kindOf(anchor.symbol));
      if (renamed) return { state: 'moved', lines, symbol: renamed.id, detail: `declaration found; symbol is now ${renamed.id}` };
    }
    return { state: 'changed', lines, detail: `lines found at ${lines[0]}-${lines[1]} but symbol ${anchor.symbol} is gone` };
  }

  const best = bestWindow(fileHashes, tokens, scope);
  if (symbol) {
    return {
      state: 'changed',
      lines: best?.lines ?? headerLines(symbol),
      symbol: symbol.id,
      similarity: best?.similarity ?? 0,
      detail: `symbol still there, lines differ (${Math.round((best?.similarity ?? 0) * 100)}% of them found)`,
    };
  }
  if (best && best.similarity >= SIMILARITY_THRESHOLD) {
    return { state: 'changed', lines: best.lines, similarity: best.similarity, detail: `a similar block at ${best.lines[0]}-${best.lines[1]} (${Math.round(best.similarity * 100)}% of the lines)` };
  }
  return { state: 'orphaned', similarity: best?.similarity ?? 0, detail: anchor.symbol ? `symbol ${anchor.symbol} and its lines are gone` : 'the lines are gone' };
}

function matchesAt(hashes: readonly string[], tokens: readonly string[], startLine: number): boolean {
  if (startLine < 1 || startLine - 1 + tokens.length > hashes.length) return false;
  return tokens.every((token, i) => hashes[startLine - 1 + i] === token);
}

/** The occurrence of the token sequence nearest to `near`, optionally within [from, to]. */
function findSequence(hashes: readonly string[], tokens: readonly string[], near: number, within?: readonly [number, number]): number | null {
  const first = within ? within[0] : 1;
  const last = (within ? within[1] : hashes.length) - tokens.length + 1;
  let best: number | null = null;
  for (let line = first; line <= last; line++) {
    if (hashes[line - 1] !== tokens[0] || !matchesAt(hashes, tokens, line)) continue;
    if (best === null || Math.abs(line - near) < Math.abs(best - near)) best = line;
  }
  return best;
}

/** The window of the same length with the most lines in common (in order), within scope or the file. */
function bestWindow(hashes: readonly string[], tokens: readonly string[], scope?: readonly [number, number]): { lines: [number, number]; similarity: number } | null {
  const wanted = new Set(tokens);
  const from = scope ? scope[0] : 1;
  const to = scope ? scope[1] : hashes.length;
  let best: { lines: [number, number]; similarity: number } | null = null;
  for (let start = from; start <= to; start++) {
    if (!wanted.has(hashes[start - 1] ?? '')) continue;
    const end = Math.min(to, start + tokens.length - 1);
    const common = lcsLength(tokens, hashes.slice(start - 1, end));
    const similarity = common / tokens.length;
    if (!best || similarity > best.similarity) best = { lines: [start, end], similarity };
  }
  return best;
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const item of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) current[j] = item === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    previous = current;
  }
  return previous[b.length]!;
}

function contains(symbol: JavaSymbol, lines: readonly [number, number]): boolean {
  return symbol.range[0] <= lines[0] && lines[1] <= symbol.range[2];
}

/** The innermost symbol around the lines, of the same kind as the one the anchor named. */
function enclosingSymbol(symbols: readonly JavaSymbol[], lines: readonly [number, number], formerId: string): JavaSymbol | undefined {
  const kind = kindOf(formerId);
  let best: JavaSymbol | undefined;
  for (const symbol of symbols) {
    if (symbol.kind === 'package' || !contains(symbol, lines)) continue;
    if (kind && kindOf(symbol.id) !== kind) continue;
    if (!best || symbol.range[0] >= best.range[0]) best = symbol;
  }
  return best;
}

/** Types have no `#` (or a `$` after the last one: local and anonymous); methods have parentheses. */
function kindOf(id: string | undefined): 'callable' | 'member' | 'type' | undefined {
  if (!id) return undefined;
  const hash = id.lastIndexOf('#');
  if (hash < 0) return 'type';
  const tail = id.slice(hash + 1);
  if (tail.includes('$')) return 'type';
  return tail.includes('(') ? 'callable' : 'member';
}
