import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems';

/** A YAML document with what is needed to point at any of its nodes. */
export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Added to reported lines when the YAML sits inside another file (note frontmatter, excerpt blocks). */
  lineOffset: number;
  /** Added to reported columns on the first line only... and to every line for indented blocks. */
  columnOffset: number;
}

export type Path = ReadonlyArray<string | number>;

export const MAX_FILE_BYTES = 1024 * 1024;

export interface ParsedYaml<T> {
  source: YamlSource;
  value?: T;
  problems: Problem[];
}

/** Parses and validates one YAML text; every problem carries the position of the node at fault. */
export function parseYaml<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  describe: { what: string; hint: string },
  offsets: { line: number; column: number } = { line: 0, column: 0 },
): ParsedYaml<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, keepSourceTokens: true });
  const source: YamlSource = { file, text, doc, lines, lineOffset: offsets.line, columnOffset: offsets.column };
  const problems: Problem[] = [];
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    problems.push({ file, line: 1 + offsets.line, column: 1, message: `${describe.what} is ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB; the limit is 1 MB`, hint: 'split it, or remove what does not belong in it' });
    return { source, problems };
  }
  for (const error of doc.errors) {
    const at = lines.linePos(error.pos[0]);
    problems.push({ file, line: at.line + offsets.line, column: at.col + (at.line === 1 ? offsets.column : 0), message: `YAML syntax error: ${firstLine(error.message)}`, hint: 'check indentation, colons and quotes on this line' });
  }
  if (problems.length > 0) return { source, problems };
  const raw: unknown = doc.toJS();
  if (raw === null || raw === undefined) {
    problems.push({ file, line: 1 + offsets.line, column: 1, message: `${describe.what} is empty`, hint: describe.hint });
    return { source, problems };
  }
  // reportInput: without it zod leaves `input` out of issues, and a wrong type would read as a missing field.
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(issueProblem(source, issue, describe.hint));
    return { source, problems };
  }
  return { source, value: parsed.data, problems };
}

function issueProblem(source: YamlSource, issue: z.core.$ZodIssue, hint: string): Problem {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const at = positionOfKey(source, path, key);
    return { file: source.file, ...at, message: `unknown key '${key}'${issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `'${k}'`).join(', ')})` : ''}`, hint: `allowed keys are listed in the schema; ${hint}` };
  }
  const at = positionOf(source, path);
  const where = path.length > 0 ? `${formatPath(path)}: ` : '';
  return { file: source.file, ...at, message: `${where}${describeIssue(issue)}`, hint };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `missing required field (expected ${issue.expected})` : `expected ${issue.expected}, got ${typeName(issue.input)}`;
  }
  return issue.message;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

export function formatPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The position of the node at `path`, or of its nearest existing ancestor. */
export function positionOf(source: YamlSource, path: Path): { line: number; column: number } {
  let node: unknown = source.doc.contents;
  let found: unknown = node;
  for (const key of path) {
    node = childOf(node, key);
    if (node === undefined) break;
    found = node;
  }
  return rangeStart(source, found);
}

export function positionOfKey(source: YamlSource, mapPath: Path, key: string): { line: number; column: number } {
  let node: unknown = source.doc.contents;
  for (const step of mapPath) node = childOf(node, step);
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair) return rangeStart(source, pair.key);
  }
  return positionOf(source, mapPath);
}

function childOf(node: unknown, key: string | number): unknown {
  if (isMap(node)) {
    const pair = node.items.find((item: Pair) => isScalar(item.key) && item.key.value === key);
    return pair?.value ?? undefined;
  }
  if (isSeq(node) && typeof key === 'number') return node.items[key];
  if (isPair(node)) return childOf(node.value, key);
  return undefined;
}

function rangeStart(source: YamlSource, node: unknown): { line: number; column: number } {
  const range = (node as Node | null | undefined)?.range;
  const offset = range ? range[0] : 0;
  const at = source.lines.linePos(offset);
  return { line: at.line + source.lineOffset, column: at.col + source.columnOffset };
}

/** The node at a path, for editing tools. */
export function nodeAt(source: YamlSource, path: Path): Node | undefined {
  let node: unknown = source.doc.contents;
  for (const key of path) {
    node = childOf(node, key);
    if (node === undefined) return undefined;
  }
  return node as Node;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/**
 * Maps a position inside a markdown string held by a YAML scalar back to the YAML file, so a
 * broken link in an annotation body is reported where the author wrote it.
 */
export function markdownPositionMapper(source: YamlSource, path: Path): (line: number, column: number) => { line: number; column: number } {
  const node = nodeAt(source, path) as (Node & { type?: string }) | undefined;
  const start = positionOf(source, path);
  if (!node || !isScalar(node)) return () => start;
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  if (!block) {
    const quote = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    return (line, column) => (line === 1 ? { line: start.line, column: start.column + quote + column - 1 } : { line: start.line + line - 1, column });
  }
  const sourceLines = source.text.split('\n');
  return (line, column) => {
    const fileLine = start.line + line;
    const text = sourceLines[fileLine - 1 - source.lineOffset] ?? '';
    const indent = text.length - text.trimStart().length;
    return { line: fileLine, column: indent + column };
  };
}
