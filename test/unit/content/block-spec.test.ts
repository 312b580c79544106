import { describe, expect, it } from 'vitest';
import { parseBlockSpec } from '../../../lib/content/block-spec';
import { ExcerptSpec, LayoutSpec, linesOf, rangeKey } from '../../../lib/content/excerpt-spec';

const FILE = 'annotations/notes/ledger.md';
const HINT = 'see CONTRIBUTING.md';
// The block's first line is line 12 of the note, and the fence starts in column 1.
const AT = { line: 12, column: 1 };

describe('excerpt and layout blocks', () => {
  it('keep a caption whole: colons, backticks, quotes and a trailing colon', () => {
    const caption = 'The unit size: `CQ_STORE_UNIT_SIZE = 20`, then "the tag": `a: b`:';
    const spec = parseBlockSpec(FILE, `path: store/src/main/java/A.java\nlines: 13-15\ncaption: ${caption}`, ExcerptSpec, AT, HINT);
    expect(spec.problems).toEqual([]);
    expect(spec.value).toEqual({ path: 'store/src/main/java/A.java', lines: '13-15', caption });
  });

  it('read a single line as a number and a range as text', () => {
    expect(parseBlockSpec(FILE, 'path: a/B.java\nlines: 7', ExcerptSpec, AT, HINT).value?.lines).toBe(7);
    expect(linesOf(7)).toEqual([7, 7]);
    expect(linesOf('13-15')).toEqual([13, 15]);
    expect(rangeKey('a/B.java', [7, 7])).toBe('a/B.java#L7');
    expect(rangeKey('a/B.java', [13, 15])).toBe('a/B.java#L13-L15');
  });

  it('record where each value starts in the note, for messages and in-place edits', () => {
    const spec = parseBlockSpec(FILE, 'path: a/B.java\n  lines:   13-15\ncaption: c', ExcerptSpec, AT, HINT);
    expect(spec.positions.get('path')).toEqual({ line: 12, column: 7, length: 8 });
    expect(spec.positions.get('lines')).toEqual({ line: 13, column: 12, length: 5 });
    expect(spec.positions.get('caption')).toEqual({ line: 14, column: 10, length: 1 });
  });

  it('report unknown keys, repeated keys, unreadable lines and bad values where they are', () => {
    const spec = parseBlockSpec(FILE, 'path: a/B.java\nlines: 13-15\nlines: 16-17\ncolour: red\n- not a key', ExcerptSpec, AT, HINT);
    expect(spec.value).toBeUndefined();
    const found = spec.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
    expect(found).toContain("14:1: 'lines' is given twice");
    expect(found).toContain("16:1: cannot read '- not a key'");
    expect(found).toContain("15:9: unknown key 'colour'");
    expect(spec.problems.every((p) => p.file === FILE && p.hint === HINT)).toBe(true);

    const badLines = parseBlockSpec(FILE, 'path: a/B.java\nlines: 13 to 15', ExcerptSpec, AT, HINT);
    expect(badLines.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual(['13:8: lines: write lines as 120-140']);
  });

  it('need a path with lines, or a symbol', () => {
    expect(parseBlockSpec(FILE, 'caption: nothing else', ExcerptSpec, AT, HINT).problems[0]?.message).toContain('needs `path`');
    expect(parseBlockSpec(FILE, 'path: a/B.java', ExcerptSpec, AT, HINT).problems[0]?.message).toContain('needs `lines`');
    expect(parseBlockSpec(FILE, 'symbol: a.B#c()', ExcerptSpec, AT, HINT).value).toEqual({ symbol: 'a.B#c()' });
  });

  it('read a layout block', () => {
    expect(parseBlockSpec(FILE, 'name: consumequeue-unit', LayoutSpec, AT, HINT).value).toEqual({ name: 'consumequeue-unit' });
    expect(parseBlockSpec(FILE, 'name: a\nsize: 3', LayoutSpec, AT, HINT).problems.map((p) => p.message)).toEqual(["unknown key 'size'"]);
  });
});
