/**
 * Full-text search over the source, in memory: every text file with its line starts, and a
 * trigram index (of lower-cased text) that narrows a query to the files that can match before any
 * of them is scanned. Regular expressions use the literal runs they require for that narrowing.
 * A query is bounded in matches and time; the result says when it stopped early and why.
 */
export interface TextFile {
  path: string;
  text: string;
}

export interface TextMatch {
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 units. */
  column: number;
  length: number;
  /** The matching line (cut to a readable length around the match). */
  preview: string;
  /** Where the match sits in `preview`. */
  previewStart: number;
}

export interface TextSearchOptions {
  regex: boolean;
  caseSensitive: boolean;
  maxMatches: number;
  timeBudgetMs: number;
}

export interface TextSearchResult {
  matches: TextMatch[];
  filesMatched: number;
  filesScanned: number;
  truncated: boolean;
  reason?: string;
}

export class QueryError extends Error {}

const PREVIEW = 220;

interface IndexedText {
  path: string;
  text: string;
  lower: string;
  lineStarts: Int32Array;
}

export class TextCorpus {
  private readonly files: IndexedText[] = [];
  private readonly trigrams = new Map<string, Uint32Array>();

  constructor(files: Iterable<TextFile>) {
    const postings = new Map<string, number[]>();
    for (const file of files) {
      const id = this.files.length;
      const lower = file.text.toLowerCase();
      this.files.push({ path: file.path, text: file.text, lower, lineStarts: lineStartsOf(file.text) });
      const seen = new Set<string>();
      for (let i = 0; i + 3 <= lower.length; i++) {
        const gram = lower.slice(i, i + 3);
        if (seen.has(gram)) continue;
        seen.add(gram);
        const list = postings.get(gram);
        if (list) list.push(id);
        else postings.set(gram, [id]);
      }
    }
    for (const [gram, list] of postings) this.trigrams.set(gram, Uint32Array.from(list));
  }

  get size(): number {
    return this.files.length;
  }

  search(query: string, options: TextSearchOptions): TextSearchResult {
    const started = performance.now();
    const pattern = compile(query, options);
    const required = options.regex ? requiredLiteral(query) : query;
    const candidates = this.candidates(required);
    const matches: TextMatch[] = [];
    let filesMatched = 0;
    let filesScanned = 0;
    let truncated = false;
    let reason: string | undefined;
    for (const id of candidates) {
      if (performance.now() - started > options.timeBudgetMs) {
        truncated = true;
        reason = `stopped after ${options.timeBudgetMs} ms; narrow the query`;
        break;
      }
      const file = this.files[id]!;
      filesScanned++;
      const before = matches.length;
      this.scan(file, pattern, options, matches);
      if (matches.length > before) filesMatched++;
      if (matches.length >= options.maxMatches) {
        truncated = true;
        reason = `more than ${options.maxMatches} matches; narrow the query`;
        matches.length = options.maxMatches;
        break;
      }
    }
    return { matches, filesMatched, filesScanned, truncated, ...(reason ? { reason } : {}) };
  }

  /** Files that can contain the literal (all files when the literal is too short to index). */
  private candidates(literal: string): Iterable<number> {
    const lower = literal.toLowerCase();
    if (lower.length < 3) return this.files.keys();
    let result: Uint32Array | null = null;
    const grams = new Set<string>();
    for (let i = 0; i + 3 <= lower.length; i++) grams.add(lower.slice(i, i + 3));
    // Intersect the rarest lists first.
    const lists = [...grams].map((g) => this.trigrams.get(g) ?? new Uint32Array(0)).sort((a, b) => a.length - b.length);
    for (const list of lists) {
      result = result === null ? list : intersect(result, list);
      if (result.length === 0) break;
    }
    return result ?? [];
  }

  private scan(file: IndexedText, pattern: RegExp | string, options: TextSearchOptions, out: TextMatch[]): void {
    if (typeof pattern === 'string') {
      const haystack = options.caseSensitive ? file.text : file.lower;
      for (let at = haystack.indexOf(pattern); at >= 0 && out.length < options.maxMatches; at = haystack.indexOf(pattern, at + Math.max(1, pattern.length))) {
        out.push(this.match(file, at, pattern.length));
      }
      return;
    }
    pattern.lastIndex = 0;
    for (let found = pattern.exec(file.text); found && out.length < options.maxMatches; found = pattern.exec(file.text)) {
      if (found[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      out.push(this.match(file, found.index, found[0].length));
    }
  }

  private match(file: IndexedText, offset: number, length: number): TextMatch {
    const lineIndex = lineOf(file.lineStarts, offset);
    const lineStart = file.lineStarts[lineIndex]!;
    const lineEnd = lineIndex + 1 < file.lineStarts.length ? file.lineStarts[lineIndex + 1]! - 1 : file.text.length;
    const column = offset - lineStart;
    const line = file.text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const from = Math.max(0, Math.min(column - 60, line.length - PREVIEW));
    const preview = line.slice(from, from + PREVIEW);
    return { path: file.path, line: lineIndex + 1, column: column + 1, length: Math.min(length, line.length - column), preview, previewStart: column - from };
  }
}

/** A literal query as a lower-cased or exact string; a regex as a global RegExp, refused when it could be slow. */
function compile(query: string, options: TextSearchOptions): RegExp | string {
  if (!options.regex) return options.caseSensitive ? query : query.toLowerCase();
  if (/\\[1-9]|\\k</.test(query)) throw new QueryError('backreferences are not supported: they can take exponential time');
  if (/\(\?<?[=!]/.test(query)) throw new QueryError('lookahead and lookbehind are not supported');
  try {
    return new RegExp(query, options.caseSensitive ? 'gm' : 'gmi');
  } catch (error) {
    throw new QueryError(`invalid regular expression: ${(error as Error).message}`);
  }
}

/**
 * The longest run of literal characters every match must contain, or '' when there is none that
 * is required (alternation, optional groups): then every file is scanned.
 */
export function requiredLiteral(pattern: string): string {
  if (/(^|[^\\])\|/.test(pattern)) return '';
  let best = '';
  let current = '';
  const flush = () => {
    if (current.length > best.length) best = current;
    current = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    const next = pattern[i + 1];
    if (next === '*' || next === '?' || (next === '{' && /^\{0/.test(pattern.slice(i + 1)))) {
      flush();
      i++;
      continue;
    }
    if (ch === '\\') {
      const escaped = pattern[i + 1] ?? '';
      if (/[.*+?^${}()|[\]\\/-]/.test(escaped)) current += escaped;
      else flush();
      i++;
      continue;
    }
    if (ch === '[') {
      flush();
      const close = pattern.indexOf(']', i + 2);
      i = close < 0 ? pattern.length : close;
      continue;
    }
    if (ch === '(') {
      // A group may be optional or repeated: its content is not required as a whole.
      flush();
      let depth = 1;
      let j = i + 1;
      for (; j < pattern.length && depth > 0; j++) {
        if (pattern[j] === '\\') j++;
        else if (pattern[j] === '(') depth++;
        else if (pattern[j] === ')') depth--;
      }
      i = j - 1;
      // A quantifier after the group belongs to it.
      if (pattern[j] === '{') i = Math.max(i, pattern.indexOf('}', j));
      else if (pattern[j] === '?' || pattern[j] === '*' || pattern[j] === '+') i = j;
      continue;
    }
    if (/[.^$+{}]/.test(ch)) {
      flush();
      continue;
    }
    current += ch;
  }
  flush();
  return best;
}

function lineStartsOf(text: string): Int32Array {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return Int32Array.from(starts);
}

function lineOf(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      out.push(a[i]!);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return Uint32Array.from(out);
}
