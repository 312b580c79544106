import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJava } from '../../lib/ingest/parse-one';
import { decodeSource } from '../../lib/java/decode';
import type { JavaFileFacts, JavaSymbol, Range } from '../../lib/java/types';

/** test/fixtures/java, wherever the repository is checked out. */
export const JAVA_FIXTURES = fileURLToPath(new URL('../fixtures/java/', import.meta.url));

export function fixturePath(relative: string): string {
  return path.join(JAVA_FIXTURES, relative);
}

export function fixtureBytes(relative: string): Buffer {
  return fs.readFileSync(fixturePath(relative));
}

/** A fixture's text, decoded the way ingest decodes it. */
export function fixtureText(relative: string): string {
  return decodeSource(fixtureBytes(relative)).text;
}

/** Parses a text through the same entry point the ingest workers use, and reads its facts back. */
export async function factsOfText(text: string): Promise<JavaFileFacts> {
  const parsed = await parseJava({ key: 'test', text });
  return JSON.parse(parsed.json) as JavaFileFacts;
}

export async function factsOf(relative: string): Promise<{ text: string; facts: JavaFileFacts }> {
  const text = fixtureText(relative);
  return { text, facts: await factsOfText(text) };
}

/** The symbol with this id; a missing id fails with the ids that do exist, to make the cause plain. */
export function symbolOf(facts: JavaFileFacts, id: string): JavaSymbol {
  const found = facts.symbols.find((s) => s.id === id);
  if (!found) throw new Error(`no symbol ${id}; the file has:\n  ${facts.symbols.map((s) => s.id).join('\n  ')}`);
  return found;
}

export function idsOf(facts: JavaFileFacts, kind?: JavaSymbol['kind']): string[] {
  return facts.symbols.filter((s) => kind === undefined || s.kind === kind).map((s) => s.id);
}

/** Children of a symbol: the symbols whose parent is that id. */
export function childIds(facts: JavaFileFacts, parent: string): string[] {
  return facts.symbols.filter((s) => s.parent === parent).map((s) => s.id);
}

/*
 * Expected positions are computed from the text itself, independently of the parser: lines are
 * split on "\n" only and columns count UTF-16 code units, both 1-based (see lib/java/types.ts).
 */
function uniqueIndex(text: string, needle: string): number {
  const first = text.indexOf(needle);
  if (first < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  if (text.indexOf(needle, first + 1) >= 0) throw new Error(`${JSON.stringify(needle)} occurs more than once`);
  return first;
}

function positionAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** 1-based line and column where `needle` (which must occur once) starts. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  return positionAt(text, uniqueIndex(text, needle));
}

export function lineOf(text: string, needle: string): number {
  return positionOf(text, needle).line;
}

/** The range `needle` covers; `within` narrows the search to a unique larger snippet. */
export function rangeOfText(text: string, needle: string, within?: string): Range {
  const base = within === undefined ? 0 : uniqueIndex(text, within);
  const scope = within ?? text;
  const start = base + uniqueIndex(scope, needle);
  const from = positionAt(text, start);
  const to = positionAt(text, start + needle.length);
  return [from.line, from.column, to.line, to.column];
}
