import type { SymbolKind } from '../java/types';

export interface SymbolEntry {
  id: string;
  name: string;
  kind: SymbolKind;
  path: string;
  line: number;
  /** Main sources rank above tests. */
  test: boolean;
}

export interface SymbolHit extends SymbolEntry {
  score: number;
}

const KIND_BONUS: Partial<Record<SymbolKind, number>> = { class: 6, interface: 6, enum: 5, record: 5, annotation: 3, method: 2, constructor: 1 };
const TEST_PENALTY = 8;

/** One distinct name and everything needed to score it, computed once. */
interface NameRow {
  name: string;
  lower: string;
  humps: string[];
  /** Bit per character class present (see charBit): a query needing a class the name lacks cannot match. */
  mask: number;
  /** Indices into the entries, which are sorted by id so index order is the final tie-break. */
  entries: number[];
}

/**
 * Symbols by name, camelCase-aware: `aPM` and `asyncPM` find `asyncPutMessage`, `CQ` finds
 * `ConsumeQueue`, a plain prefix or substring works too. Exact and prefix matches rank first,
 * types above members, main sources above tests.
 *
 * Names repeat a lot (`get`, `toString`, `run`), so each distinct name is scored once, and a
 * character mask rejects most names before any string comparison.
 */
export class SymbolSearch {
  private readonly entries: SymbolEntry[];
  private readonly bonus: Int8Array;
  private readonly rows: NameRow[];

  constructor(entries: Iterable<SymbolEntry>) {
    this.entries = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.bonus = Int8Array.from(this.entries, (entry) => (KIND_BONUS[entry.kind] ?? 0) - (entry.test ? TEST_PENALTY : 0));
    const byName = new Map<string, NameRow>();
    this.entries.forEach((entry, i) => {
      let row = byName.get(entry.name);
      if (!row) {
        row = { name: entry.name, lower: entry.name.toLowerCase(), humps: humpsOf(entry.name), mask: maskOf(entry.name), entries: [] };
        byName.set(entry.name, row);
      }
      row.entries.push(i);
    });
    this.rows = [...byName.values()];
  }

  search(query: string, limit = 50): SymbolHit[] {
    const trimmed = query.trim();
    if (!trimmed) return [];
    const lower = trimmed.toLowerCase();
    const queryMask = maskOf(trimmed);
    const scores: number[] = [];
    const indices: number[] = [];
    for (const row of this.rows) {
      if ((row.mask & queryMask) !== queryMask) continue;
      const score = scoreName(row, trimmed, lower);
      if (score <= 0) continue;
      for (const i of row.entries) {
        scores.push(score + this.bonus[i]!);
        indices.push(i);
      }
    }
    const order = Array.from(indices.keys());
    order.sort((a, b) => scores[b]! - scores[a]! || this.entries[indices[a]!]!.name.length - this.entries[indices[b]!]!.name.length || indices[a]! - indices[b]!);
    return order.slice(0, limit).map((k) => ({ ...this.entries[indices[k]!]!, score: scores[k]! }));
  }
}

function scoreName(row: NameRow, query: string, lower: string): number {
  if (row.name === query) return 100;
  if (row.lower === lower) return 95;
  if (row.lower.startsWith(lower)) return 80 - Math.min(20, row.name.length - query.length);
  if (matchesHumps(row.humps, query)) return 70;
  const at = row.lower.indexOf(lower);
  if (at >= 0) return 50 - Math.min(20, at);
  return 0;
}

/** a–z (case folded) take bits 0–25, digits bit 26, anything else bit 27; `_` sets nothing because humps drop it. */
function maskOf(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97);
    else if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) mask |= 1 << 26;
    else if (text[i] !== '_') mask |= 1 << 27;
  }
  return mask;
}

/** `asyncPutMessage` → ['async', 'Put', 'Message']; `CQ_STORE_UNIT_SIZE` → ['CQ', 'STORE', 'UNIT', 'SIZE']. */
export function humpsOf(name: string): string[] {
  return name.split(/_+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
}

/**
 * Whether the query reads as the starts of consecutive humps: each query character either
 * continues the current hump or, if upper-case (or the first character), starts a later hump.
 */
export function matchesHumps(humps: readonly string[], query: string): boolean {
  if (query.length === 0) return false;
  const first = humps[0]?.[0];
  return Boolean(first && sameLetter(first, query[0]!) && matchFrom(humps, query, 1, 0, 1));
}

function matchFrom(humps: readonly string[], query: string, q: number, hump: number, within: number): boolean {
  if (q === query.length) return true;
  const ch = query[q]!;
  // Continue inside the current hump: with a lower-case character, or inside an upper-case
  // acronym (`CQ`); an upper-case character otherwise starts the next hump.
  const here = humps[hump]?.[within];
  if (here !== undefined && sameLetter(here, ch) && (ch === ch.toLowerCase() || here === here.toUpperCase())) {
    if (matchFrom(humps, query, q + 1, hump, within + 1)) return true;
  }
  for (let next = hump + 1; next < humps.length; next++) {
    const start = humps[next]![0];
    if (start && sameLetter(start, ch) && matchFrom(humps, query, q + 1, next, 1)) return true;
  }
  return false;
}

function sameLetter(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}
