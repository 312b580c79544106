import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJava } from '../../../lib/ingest/parse-one';
import { declarationRanges, skippableText } from '../../../lib/java/declaration-ranges';
import type { JavaFileFacts } from '../../../lib/java/types';
import { JAVA_FIXTURES, fixtureText } from '../../helpers/java';

/*
 * When only symbols are wanted, method bodies that declare no type, comments and plain imports are
 * left out of the parse. These tests hold that to its promise: the same facts as a full parse.
 */

async function factsBothWays(text: string): Promise<{ reduced: JavaFileFacts; full: JavaFileFacts }> {
  const reduced = JSON.parse((await parseJava({ key: 'reduced', text })).json) as JavaFileFacts;
  // Cross-references need every body, so a job that asks for them is parsed whole.
  const full = JSON.parse((await parseJava({ key: 'full', text, xrefs: true })).json) as JavaFileFacts;
  return { reduced, full };
}

/** The text the parser is given, with each left-out span shown as `…`. */
function keptText(text: string): string {
  const reduced = declarationRanges(text);
  if (!reduced) return text;
  return reduced.ranges.map((range) => text.slice(range.startIndex, range.endIndex)).join('…');
}

const fixtures = fs
  .readdirSync(JAVA_FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.java'))
  .map((file) => file.split(path.sep).join('/'))
  .sort();

describe('the declaration-only parse', () => {
  it.each(fixtures)('gives %s the facts a full parse gives', async (fixture) => {
    const { reduced, full } = await factsBothWays(fixtureText(fixture));
    expect(reduced).toEqual(full);
  });

  it('leaves out a body that declares nothing, keeping its braces where they are', () => {
    const text = 'class A {\n  int f;\n  void m(int x) {\n    f = x;\n  }\n}\n';
    expect(keptText(text)).toBe('class A {\n  int f;\n  void m(int x) {…}\n}\n');
  });

  it('reads a body that may declare a class statement by statement, keeping the classes', () => {
    const local = 'class A {\n  void m() { class Local {} }\n}\n';
    const anonymous = 'class A {\n  Object m() { return new Object() { void n() {} }; }\n}\n';
    expect(keptText(local)).toBe(local);
    expect(keptText(anonymous)).toBe(anonymous);
    const mixed = [
      'class A {',
      '  void m(boolean b) {',
      '    if (b) { log("plain"); }',
      '    run(() -> { go(); }, new Runnable() { public void run() { work(); } });',
      '    int[] a = new int[] { 1, 2 };',
      '    record Pair(int x, int y) { int sum() { return x + y; } }',
      '    for (;;) { Object o = new Object() { }; }',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(keptText(mixed)).toBe(
      [
        'class A {',
        '  void m(boolean b) {',
        '    if (b) {…}',
        '    run(() -> {…}, new Runnable() { public void run() {…} });',
        '    int[] a = new int[] {…};',
        '    record Pair(int x, int y) { int sum() {…} }',
        '    for (;;) { Object o = new Object() { }; }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const nested = 'class A {\n  static class B {\n    void m() { go(); }\n  }\n}\n';
    expect(keptText(nested)).toBe('class A {\n  static class B {\n    void m() {…}\n  }\n}\n');
  });

  it('leaves out constructor, initializer and throws-clause bodies, but not initializer expressions', () => {
    const text = [
      'class A {',
      '  static { boot(); }',
      '  { init(); }',
      '  A() throws java.io.IOException, Error { open(); }',
      '  Runnable r = () -> { run(); };',
      '  int[] values = { 1, 2 };',
      '}',
      '',
    ].join('\n');
    expect(keptText(text)).toBe(
      ['class A {', '  static {…}', '  {…}', '  A() throws java.io.IOException, Error {…}', '  Runnable r = () -> { run(); };', '  int[] values = { 1, 2 };', '}', ''].join('\n'),
    );
  });

  it('keeps enum constant bodies and annotation defaults, which are not method bodies', () => {
    const text = 'enum E {\n  A(1) { int f() { return 1; } },\n  B(2);\n  E(int v) { this.v = v; }\n  int v;\n}\n@interface T { String[] value() default { "x" }; }\n';
    expect(keptText(text)).toBe('enum E {\n  A(1) { int f() {…} },\n  B(2);\n  E(int v) {…}\n  int v;\n}\n@interface T { String[] value() default { "x" }; }\n');
  });

  it('does not take a class literal or a method named record for a declaration', () => {
    const text = 'class A {\n  Class<?> c = A.class;\n  void record(String s) { log(s); }\n  record R(int x) { R { check(x); } }\n}\n';
    expect(keptText(text)).toBe('class A {\n  Class<?> c = A.class;\n  void record(String s) {…}\n  record R(int x) { R { check(x); } }\n}\n');
  });

  it('finds braces by Java lexing: in strings, characters, text blocks and comments they do not count', () => {
    const text = 'class A {\n  void m() { String s = "}"; char c = \'{\'; String t = """\n  }}\n  """; /* } */ // }\n  }\n  int after;\n}\n';
    const kept = keptText(text);
    expect(kept).toBe('class A {\n  void m() {…}\n  int after;\n}\n');
  });

  it('keeps only the delimiters of comments, and javadoc keeps its range', async () => {
    const text = '/*\n * License.\n */\npackage p;\n/** Docs. */\nclass A {} // trailing\n';
    expect(keptText(text)).toBe('/*…*/\npackage p;\n/*…*/\nclass A {} //…\n');
    const { reduced } = await factsBothWays(text);
    expect(reduced.symbols.find((s) => s.name === 'A')?.javadoc).toEqual([5, 1, 5, 13]);
  });

  it('reads plain imports itself, with their lines, and leaves them out; any other import is parsed', () => {
    const text = 'package p;\n\nimport java.util.List;\nimport static java.util.Objects.requireNonNull;\nimport java.util.*;\nimport java.util. /* odd */ Map;\nclass A { void m() { x(); } }\n';
    const reduced = declarationRanges(text)!;
    expect(reduced.imports).toEqual([
      { name: 'java.util.List', isStatic: false, onDemand: false, line: 3 },
      { name: 'java.util.Objects.requireNonNull', isStatic: true, onDemand: false, line: 4 },
      { name: 'java.util', isStatic: false, onDemand: true, line: 5 },
    ]);
    expect(keptText(text)).toContain('import java.util. /*…*/ Map;');
    expect(keptText(text)).not.toContain('import java.util.List;');
  });

  it('keeps a body whole when it cannot tell whether a `new` opens a class body', () => {
    const text = 'class A {\n  void m() { if (x) { y(); } Object o = new @Tag("a") Object() { }; }\n  void n() { z(); }\n}\n';
    expect(keptText(text)).toBe('class A {\n  void m() { if (x) { y(); } Object o = new @Tag("a") Object() { }; }\n  void n() {…}\n}\n');
  });

  it('gives up (parse everything) on text it cannot follow', () => {
    expect(skippableText('class A { void m() { String s = "unclosed; } }')).toBeNull();
    expect(skippableText('class A { void m() { } ')).toBeNull();
    expect(skippableText('class A { } }')).toBeNull();
    expect(skippableText('class A { /* never closed ')).toBeNull();
  });

  it('falls back to a full parse when the reduced one has a syntax error, so the error is reported', async () => {
    // The damage is outside any body: the reduced parse sees it and the file is parsed whole.
    const text = 'class A {\n  void ok() { run(); }\n  int = 3;\n}\n';
    const { reduced, full } = await factsBothWays(text);
    expect(reduced.syntaxProblems.length).toBeGreaterThan(0);
    expect(reduced).toEqual(full);
  });

  it('does not look for syntax errors inside a body it leaves out (cross-references parse it whole)', async () => {
    const text = 'class A {\n  void broken() { int x = ; }\n  void after() {}\n}\n';
    const { reduced, full } = await factsBothWays(text);
    expect(full.syntaxProblems).not.toEqual([]);
    expect(reduced.syntaxProblems).toEqual([]);
    expect(reduced.symbols).toEqual(full.symbols);
  });
});
