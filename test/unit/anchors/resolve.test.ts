import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../lib/anchors/fingerprint';
import { SIMILARITY_THRESHOLD, resolveAnchor, type FileVersion } from '../../../lib/anchors/resolve';
import type { JavaSymbol, SymbolKind } from '../../../lib/java/types';

/*
 * resolveAnchor on small files built in memory: lines are plain strings and symbols carry only
 * what the resolver reads (id, kind, range, headerEndLine).
 */
function file(lines: string[], symbols: JavaSymbol[] = []): FileVersion {
  return { path: 'store/src/main/java/org/example/store/Ledger.java', lines, symbols };
}

function symbol(id: string, kind: SymbolKind, first: number, last: number, headerEndLine = first): JavaSymbol {
  return { id, kind, name: id.replace(/.*[#.]/, ''), range: [first, 1, last, 2], nameRange: [first, 1, first, 2], headerEndLine, parent: null, modifiers: [], annotations: [], javadoc: null };
}

/** The fingerprint of lines [from, to] of a list of lines (1-based, inclusive). */
function fingerprintAt(lines: readonly string[], from: number, to: number): string {
  return fingerprintOf(lines.slice(from - 1, to));
}

const BLOCK = ['if (amount < 0) {', '    throw new IllegalArgumentException();', '}'];

describe('resolveAnchor', () => {
  it('is exact when the fingerprinted lines are where the anchor says', () => {
    const lines = ['class A {', 'int a;', ...BLOCK, '}'];
    const resolution = resolveAnchor({ lines: [3, 5], fingerprint: fingerprintAt(lines, 3, 5) }, file(lines));
    expect(resolution).toMatchObject({ state: 'exact', lines: [3, 5] });
  });

  it('stays exact when only whitespace changed (re-indented, spaces collapsed, tabs)', () => {
    const before = ['class A {', ...BLOCK, '}'];
    const after = ['class A {', '\tif (amount  <  0)   {', '        throw   new IllegalArgumentException();  ', '    }', '}'];
    const resolution = resolveAnchor({ lines: [2, 4], fingerprint: fingerprintAt(before, 2, 4) }, file(after));
    expect(resolution).toMatchObject({ state: 'exact', lines: [2, 4] });
  });

  it('is moved to the new place when lines were inserted above', () => {
    const before = ['class A {', ...BLOCK, '}'];
    const after = ['class A {', 'int a;', 'int b;', ...BLOCK, '}'];
    const resolution = resolveAnchor({ lines: [2, 4], fingerprint: fingerprintAt(before, 2, 4) }, file(after));
    expect(resolution).toMatchObject({ state: 'moved', lines: [4, 6] });
  });

  it('picks the occurrence nearest to the old position when the block appears twice', () => {
    // The block is at 3-5 and at 20-22; neither is where the anchor says.
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `int f${i};`);
    const lines = ['class A {', 'int a;', ...BLOCK, ...filler(14), ...BLOCK, '}'];
    expect(lines.slice(19, 22)).toEqual(BLOCK);
    const fingerprint = fingerprintOf(BLOCK);
    expect(resolveAnchor({ lines: [7, 9], fingerprint }, file(lines))).toMatchObject({ state: 'moved', lines: [3, 5] });
    expect(resolveAnchor({ lines: [17, 19], fingerprint }, file(lines))).toMatchObject({ state: 'moved', lines: [20, 22] });
  });

  it('looks inside the anchor\'s symbol first, even when another copy is nearer', () => {
    const lines = ['class A {', 'void a() {', ...BLOCK, '}', 'void b() {', 'int x;', ...BLOCK, '}', '}'];
    const symbols = [symbol('A', 'class', 1, 13), symbol('A#a()', 'method', 2, 6), symbol('A#b()', 'method', 7, 12)];
    // The anchor says 5-7: the copy in a() (3-5) is 2 lines away, the one in b() (9-11) 4 lines.
    const resolution = resolveAnchor({ symbol: 'A#b()', lines: [5, 7], fingerprint: fingerprintOf(BLOCK) }, file(lines, symbols));
    expect(resolution).toMatchObject({ state: 'moved', lines: [9, 11], symbol: 'A#b()' });
  });

  it('follows a symbol-only anchor to wherever its declaration now starts', () => {
    const header = 'public long total() {';
    const lines = ['class A {', 'int a;', 'int b;', header, 'return t;', '}', '}'];
    const symbols = [symbol('A', 'class', 1, 7), symbol('A#total()', 'method', 4, 6)];
    expect(resolveAnchor({ symbol: 'A#total()', fingerprint: fingerprintOf([header]) }, file(lines, symbols))).toMatchObject({ state: 'exact', lines: [4, 4], symbol: 'A#total()' });
  });

  it('is moved with the new symbol id when the method around unchanged lines was renamed', () => {
    const lines = ['class A {', 'public long add(long amount) {', ...BLOCK, 'return t;', '}', '}'];
    const symbols = [symbol('A', 'class', 1, 8), symbol('A#add(long)', 'method', 2, 7)];
    const resolution = resolveAnchor({ symbol: 'A#append(long)', lines: [3, 5], fingerprint: fingerprintOf(BLOCK) }, file(lines, symbols));
    expect(resolution).toMatchObject({ state: 'moved', lines: [3, 5], symbol: 'A#add(long)' });
  });

  it('is changed, with the symbol and a candidate, when lines inside the symbol were edited', () => {
    const before = ['class A {', 'void a() {', ...BLOCK, '}', '}'];
    const after = ['class A {', 'void a() {', 'if (amount <= 0) {', '    throw new IllegalArgumentException();', '}', '}', '}'];
    const symbols = [symbol('A', 'class', 1, 7), symbol('A#a()', 'method', 2, 6)];
    const resolution = resolveAnchor({ symbol: 'A#a()', lines: [3, 5], fingerprint: fingerprintAt(before, 3, 5) }, file(after, symbols));
    expect(resolution.state).toBe('changed');
    expect(resolution.symbol).toBe('A#a()');
    expect(resolution.similarity).toBeCloseTo(2 / 3);
  });

  describe('the similarity threshold between changed and orphaned (lines without a symbol)', () => {
    const anchored = ['alpha();', 'beta();', 'gamma();', 'delta();'];
    const anchor = { lines: [2, 5] as [number, number], fingerprint: fingerprintOf(anchored) };

    it('is changed when half of the lines are still found in order', () => {
      expect(SIMILARITY_THRESHOLD).toBe(0.5);
      const lines = ['class A {', 'alpha();', 'other();', 'gamma();', 'more();', '}'];
      const resolution = resolveAnchor(anchor, file(lines));
      expect(resolution).toMatchObject({ state: 'changed', lines: [2, 5], similarity: 0.5 });
    });

    it('is orphaned when fewer than half are', () => {
      const lines = ['class A {', 'alpha();', 'other();', 'more();', 'yet();', '}'];
      const resolution = resolveAnchor(anchor, file(lines));
      expect(resolution.state).toBe('orphaned');
      expect(resolution.similarity).toBe(0.25);
      expect(resolution.lines).toBeUndefined();
    });

    it('counts lines in order only: the same lines reversed are mostly gone', () => {
      const lines = ['class A {', 'delta();', 'gamma();', 'beta();', 'alpha();', '}'];
      expect(resolveAnchor(anchor, file(lines)).state).toBe('orphaned');
    });
  });

  it('is orphaned when the file is gone or the symbol and its lines are', () => {
    expect(resolveAnchor({ lines: [1, 1], fingerprint: fingerprintOf(['x']) }, null)).toMatchObject({ state: 'orphaned', detail: 'the file is gone' });
    const lines = ['class A {', 'void other() {', '}', '}'];
    const symbols = [symbol('A', 'class', 1, 4), symbol('A#other()', 'method', 2, 3)];
    const resolution = resolveAnchor({ symbol: 'A#gone()', fingerprint: fingerprintOf(['void gone() {']) }, file(lines, symbols));
    expect(resolution.state).toBe('orphaned');
    expect(resolution.detail).toContain('A#gone()');
  });

  it('cannot call an anchor without a fingerprint exact', () => {
    const lines = ['class A {', 'int a;', '}'];
    expect(resolveAnchor({ lines: [2, 2] }, file(lines))).toMatchObject({ state: 'changed', detail: 'no fingerprint to compare with' });
  });
});
