/**
 * Full-text search over the source, in memory: every text file with its line starts, and a
 * trigram index (of lower-cased text) over blocks of whole lines that narrows a query to the
 * blocks that can match before any is scanned. Regular expressions use the literal runs they
 * require for that narrowing.
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
/** Blocks are runs of whole lines of about this many characters; the trigram index points at blocks, not files. */
const BLOCK_CHARS = 2048;

interface IndexedText {
  path: string;
  text: string;
  lower: string;
  lineStarts: Int32Array;
}

/** A stretch of the corpus to scan: one file, whole or a range of its lines. */
interface Stretch {
  file: number;
  from: number;
  to: number;
}

export class TextCorpus {
  private readonly files: IndexedText[] = [];
  private readonly blockFile: Int32Array;
  private readonly blockStart: Int32Array;
  private readonly blockEnd: Int32Array;
  private readonly trigrams = new Map<number, Uint32Array>();

  constructor(files: Iterable<TextFile>) {
    const postings = new Map<number, number[]>();
    const blockFile: number[] = [];
    const blockStart: number[] = [];
    const blockEnd: number[] = [];
    for (const file of files) {
      const id = this.files.length;
      const lower = file.text.toLowerCase();
      this.files.push({ path: file.path, text: file.text, lower, lineStarts: lineStartsOf(file.text) });
      for (let start = 0; start < lower.length; ) {
        const newline = start + BLOCK_CHARS < lower.length ? lower.indexOf('\n', start + BLOCK_CHARS) : -1;
        const end = newline < 0 ? lower.length : newline + 1;
        const block = blockFile.length;
        blockFile.push(id);
        blockStart.push(start);
        blockEnd.push(end);
        for (let i = start; i + 3 <= end; i++) {
          const key = trigramKey(lower, i);
          const list = postings.get(key);
          if (!list) postings.set(key, [block]);
          else if (list[list.length - 1] !== block) list.push(block);
        }
        start = end;
      }
    }
    this.blockFile = Int32Array.from(blockFile);
    this.blockStart = Int32Array.from(blockStart);
    this.blockEnd = Int32Array.from(blockEnd);
    for (const [key, list] of postings) this.trigrams.set(key, Uint32Array.from(list));
  }

  get size(): number {
    return this.files.length;
  }

  search(query: string, options: TextSearchOptions): TextSearchResult {
    const started = performance.now();
    const pattern = compile(query, options);
    const literals = options.regex ? requiredLiterals(query) : [query];
    const required = longest(literals);
    // A regex that cannot cross a line break only needs running on the lines holding its required literal.
    const anchor = options.regex && required.length > 0 && cannotMatchNewline(query) ? (options.caseSensitive ? required : required.toLowerCase()) : null;
    const wholeFiles = options.regex && anchor === null;
    const matches: TextMatch[] = [];
    let filesMatched = 0;
    let filesScanned = 0;
    let lastFile = -1;
    let lastMatchedFile = -1;
    let truncated = false;
    let reason: string | undefined;
    for (const stretch of this.stretches(literals, wholeFiles)) {
      if (performance.now() - started > options.timeBudgetMs) {
        truncated = true;
        reason = `stopped after ${options.timeBudgetMs} ms; narrow the query`;
        break;
      }
      const file = this.files[stretch.file]!;
      if (stretch.file !== lastFile) filesScanned++;
      lastFile = stretch.file;
      const before = matches.length;
      if (typeof pattern === 'string') this.scanLiteral(file, pattern, stretch, options, matches);
      else if (anchor !== null) this.scanLinesWith(file, anchor, pattern, stretch, options, matches);
      else this.scanRegex(file, pattern, options, matches);
      if (matches.length > before && stretch.file !== lastMatchedFile) {
        filesMatched++;
        lastMatchedFile = stretch.file;
      }
      if (matches.length >= options.maxMatches) {
        truncated = true;
        reason = `more than ${options.maxMatches} matches; narrow the query`;
        matches.length = options.maxMatches;
        break;
      }
    }
    return { matches, filesMatched, filesScanned, truncated, ...(reason ? { reason } : {}) };
  }

  /**
   * What may contain every literal, in corpus order: the blocks holding all their trigrams, merged
   * per file when the whole file must be scanned; every file when no literal is long enough to index.
   */
  private *stretches(literals: readonly string[], wholeFiles: boolean): Generator<Stretch> {
    const keys = new Set<number>();
    for (const literal of literals) {
      const lower = literal.toLowerCase();
      if (lower.includes('\n')) continue;
      for (let i = 0; i + 3 <= lower.length; i++) keys.add(trigramKey(lower, i));
    }
    if (keys.size === 0) {
      for (let file = 0; file < this.files.length; file++) yield { file, from: 0, to: this.files[file]!.text.length };
      return;
    }
    // Intersect the rarest lists first.
    const lists = [...keys].map((key) => this.trigrams.get(key) ?? new Uint32Array(0)).sort((a, b) => a.length - b.length);
    let blocks: Uint32Array | null = null;
    for (const list of lists) {
      blocks = blocks === null ? list : intersect(blocks, list);
      if (blocks.length === 0) return;
    }
    let lastFile = -1;
    for (const block of blocks ?? []) {
      const file = this.blockFile[block]!;
      if (wholeFiles) {
        if (file !== lastFile) yield { file, from: 0, to: this.files[file]!.text.length };
      } else {
        yield { file, from: this.blockStart[block]!, to: this.blockEnd[block]! };
      }
      lastFile = file;
    }
  }

  private scanLiteral(file: IndexedText, literal: string, stretch: Stretch, options: TextSearchOptions, out: TextMatch[]): void {
    const window = searchWindow(file, stretch, options);
    const step = Math.max(1, literal.length);
    for (let at = window.indexOf(literal); at >= 0 && out.length < options.maxMatches; at = window.indexOf(literal, at + step)) {
      out.push(this.match(file, stretch.from + at, literal.length));
    }
  }

  private scanRegex(file: IndexedText, pattern: RegExp, options: TextSearchOptions, out: TextMatch[]): void {
    pattern.lastIndex = 0;
    for (let found = pattern.exec(file.text); found && out.length < options.maxMatches; found = pattern.exec(file.text)) {
      if (found[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      out.push(this.match(file, found.index, found[0].length));
    }
  }

  /** Runs the pattern over just the lines of the stretch that contain `anchor` (lower-cased unless the search is case-sensitive). */
  private scanLinesWith(file: IndexedText, anchor: string, pattern: RegExp, stretch: Stretch, options: TextSearchOptions, out: TextMatch[]): void {
    const window = searchWindow(file, stretch, options);
    for (let at = window.indexOf(anchor); at >= 0 && out.length < options.maxMatches; ) {
      const lineIndex = lineOf(file.lineStarts, stretch.from + at);
      const lineStart = file.lineStarts[lineIndex]!;
      const lineEnd = lineIndex + 1 < file.lineStarts.length ? file.lineStarts[lineIndex + 1]! - 1 : file.text.length;
      const line = file.text.slice(lineStart, lineEnd);
      pattern.lastIndex = 0;
      for (let found = pattern.exec(line); found && out.length < options.maxMatches; found = pattern.exec(line)) {
        if (found[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        out.push(this.match(file, lineStart + found.index, found[0].length));
      }
      at = window.indexOf(anchor, lineEnd + 1 - stretch.from);
    }
  }

  private match(file: IndexedText, offset: number, length: number): TextMatch {
    const lineIndex = lineOf(file.lineStarts, offset);
    const lineStart = file.lineStarts[lineIndex]!;
    const lineEnd = lineIndex + 1 < file.lineStarts.length ? file.lineStarts[lineIndex + 1]! - 1 : file.text.length;
    const column = offset - lineStart;
    const line = file.text.slice(lineStart, lineEnd).replace(/\r$/, '');
    let from = Math.max(0, Math.min(column - 60, line.length - PREVIEW));
    // Indentation says nothing in a one-line preview.
    const indent = line.search(/\S/);
    if (indent > from && indent <= column) from = indent;
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

/** The longest run of literal characters every match must contain, or '' when there is none. */
export function requiredLiteral(pattern: string): string {
  return longest(requiredLiterals(pattern));
}

function longest(runs: readonly string[]): string {
  return runs.reduce((best, run) => (run.length > best.length ? run : best), '');
}

/**
 * Every run of literal characters a match must contain, in pattern order; none when alternation
 * makes nothing certain. Optional and repeated parts end a run.
 */
export function requiredLiterals(pattern: string): string[] {
  if (/(^|[^\\])\|/.test(pattern)) return [];
  const runs: string[] = [];
  let current = '';
  const flush = () => {
    if (current) runs.push(current);
    current = '';
  };
  let i = 0;
  while (i < pattern.length) {
    // One atom: the character it stands for exactly, or null when it can match more than one.
    let literal: string | null = null;
    const ch = pattern[i]!;
    if (ch === '\\') {
      const escaped = pattern[i + 1] ?? '';
      if (/[.*+?^${}()|[\]\\/-]/.test(escaped)) literal = escaped;
      i += 2;
    } else if (ch === '[') {
      i = endOfClass(pattern, i);
    } else if (ch === '(') {
      i = endOfGroup(pattern, i);
    } else {
      if (!/[.^$]/.test(ch)) literal = ch;
      i++;
    }
    const quantifier = /^(?:[*?+]|\{(\d*)(?:,\d*)?\})\??/.exec(pattern.slice(i));
    const optional = quantifier !== null && (quantifier[0][0] === '*' || quantifier[0][0] === '?' || (quantifier[0][0] === '{' && !Number(quantifier[1] ?? '0')));
    if (quantifier) i += quantifier[0].length;
    if (literal === null || optional) {
      flush();
      continue;
    }
    current += literal;
    // A repeated character is required once, but what follows need not be adjacent to that once.
    if (quantifier) flush();
  }
  flush();
  return runs;
}

/** Index just past the character class opening at `open`. */
function endOfClass(pattern: string, open: number): number {
  let j = open + 1;
  if (pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  for (; j < pattern.length; j++) {
    if (pattern[j] === '\\') j++;
    else if (pattern[j] === ']') return j + 1;
  }
  return pattern.length;
}

/** Index just past the group opening at `open`. */
function endOfGroup(pattern: string, open: number): number {
  let depth = 0;
  for (let j = open; j < pattern.length; j++) {
    if (pattern[j] === '\\') j++;
    else if (pattern[j] === '[') j = endOfClass(pattern, j) - 1;
    else if (pattern[j] === '(') depth++;
    else if (pattern[j] === ')' && --depth === 0) return j + 1;
  }
  return pattern.length;
}

/**
 * Whether no match of the pattern can contain a line break (without the `s` flag, `.` stops at
 * one). Conservative: any escape or class that could match `\n` answers false.
 */
export function cannotMatchNewline(pattern: string): boolean {
  return !/\\[snWDxuc0]|\[\^|\n/.test(pattern);
}

/** The stretch's text to look for a literal in; a slice so that indexOf stops at the stretch's end. */
function searchWindow(file: IndexedText, stretch: Stretch, options: TextSearchOptions): string {
  return (options.caseSensitive ? file.text : file.lower).slice(stretch.from, stretch.to);
}

/** Three characters as one small integer; characters past U+03FF share a code, which only widens the candidates. */
function trigramKey(lower: string, at: number): number {
  return (Math.min(lower.charCodeAt(at), 1023) << 20) | (Math.min(lower.charCodeAt(at + 1), 1023) << 10) | Math.min(lower.charCodeAt(at + 2), 1023);
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
