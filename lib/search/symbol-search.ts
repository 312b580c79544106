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

/**
 * Symbols by name, camelCase-aware: `aPM` and `asyncPM` find `asyncPutMessage`, `CQ` finds
 * `ConsumeQueue`, a plain prefix or substring works too. Exact and prefix matches rank first,
 * types above members, main sources above tests.
 */
export class SymbolSearch {
  private readonly entries: Array<SymbolEntry & { lower: string; humps: string[] }>;

  constructor(entries: Iterable<SymbolEntry>) {
    this.entries = [...entries].map((entry) => ({ ...entry, lower: entry.name.toLowerCase(), humps: humpsOf(entry.name) }));
  }

  search(query: string, limit = 50): SymbolHit[] {
    const trimmed = query.trim();
    if (!trimmed) return [];
    const lower = trimmed.toLowerCase();
    const hits: SymbolHit[] = [];
    for (const entry of this.entries) {
      const score = scoreName(entry, trimmed, lower);
      if (score <= 0) continue;
      hits.push({ id: entry.id, name: entry.name, kind: entry.kind, path: entry.path, line: entry.line, test: entry.test, score: score + (KIND_BONUS[entry.kind] ?? 0) - (entry.test ? 8 : 0) });
    }
    hits.sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.id.localeCompare(b.id));
    return hits.slice(0, limit);
  }
}

function scoreName(entry: { name: string; lower: string; humps: string[] }, query: string, lower: string): number {
  if (entry.name === query) return 100;
  if (entry.lower === lower) return 95;
  if (entry.lower.startsWith(lower)) return 80 - Math.min(20, entry.name.length - query.length);
  if (matchesHumps(entry.humps, query)) return 70;
  const at = entry.lower.indexOf(lower);
  if (at >= 0) return 50 - Math.min(20, at);
  return 0;
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
  const search = (q: number, hump: number, within: number): boolean => {
    if (q === query.length) return true;
    const ch = query[q]!;
    const current = humps[hump];
    // Continue inside the current hump: with a lower-case character, or inside an upper-case
    // acronym (`CQ`); an upper-case character otherwise starts the next hump.
    const here = current?.[within];
    if (here !== undefined && here.toLowerCase() === ch.toLowerCase() && (ch === ch.toLowerCase() || here === here.toUpperCase())) {
      if (search(q + 1, hump, within + 1)) return true;
    }
    // Start a later hump with this character.
    for (let next = hump + 1; next < humps.length; next++) {
      const start = humps[next]![0];
      if (start && start.toLowerCase() === ch.toLowerCase() && search(q + 1, next, 1)) return true;
    }
    return false;
  };
  if (query.length === 0) return false;
  const first = humps[0]?.[0];
  return Boolean(first && first.toLowerCase() === query[0]!.toLowerCase() && search(1, 0, 1));
}
