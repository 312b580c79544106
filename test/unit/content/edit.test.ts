import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LoadedNote } from '../../../lib/content/corpus';
import { setNoteFingerprints } from '../../../lib/content/edit/frontmatter-edits';
import { applyEdits, offsetOf } from '../../../lib/content/edit/text-edits';
import { linesValue, setMapValue } from '../../../lib/content/edit/yaml-edits';
import { parseYaml, type Path } from '../../../lib/content/yaml-file';

function sourceOf(text: string) {
  return parseYaml('annotations/x.yaml', text, z.unknown(), { what: 'x', hint: 'x' }).source;
}

/** Applies one setMapValue edit to a YAML text. */
function set(text: string, mapPath: Path, key: string, value: string, after: string[] = []): string {
  const edit = setMapValue(sourceOf(text), mapPath, key, value, after);
  expect(edit, `no edit for ${key}`).not.toBeNull();
  return applyEdits(text, [edit!]);
}

const BLOCK = [
  '# a comment at the top',
  'annotations:',
  '  - id: a',
  '    symbol: A#b()',
  '    lines: [3, 4]   # keep this comment',
  '    # a comment between keys',
  '    title: "A title: with a colon"',
  '    body: |',
  '      Text.',
  '',
].join('\n');

describe('setMapValue', () => {
  it('inserts a new key right after the named key of a block mapping, indented like its neighbours', () => {
    const out = set(BLOCK, ['annotations', 0], 'fingerprint', '"abcd efgh"', ['symbol', 'lines']);
    expect(out).toBe(BLOCK.replace('   # keep this comment\n', '   # keep this comment\n    fingerprint: "abcd efgh"\n'));
  });

  it('inserts after the last of the named keys that exists', () => {
    const out = set(BLOCK.replace('    lines: [3, 4]   # keep this comment\n', ''), ['annotations', 0], 'fingerprint', '"abcd"', ['symbol', 'lines']);
    expect(out.split('\n').slice(3, 5)).toEqual(['    symbol: A#b()', '    fingerprint: "abcd"']);
  });

  it('appends at the end when none of the named keys exists, or the named key is last', () => {
    const text = 'at:\n  path: a/B.java\n  lines: 3\n';
    expect(set(text, ['at'], 'fingerprint', '"abcd"', ['nothing'])).toBe('at:\n  path: a/B.java\n  lines: 3\n  fingerprint: "abcd"\n');
    expect(set(text, ['at'], 'fingerprint', '"abcd"', ['lines'])).toBe('at:\n  path: a/B.java\n  lines: 3\n  fingerprint: "abcd"\n');
  });

  it('inserts after the named key of a flow mapping', () => {
    const text = 'at: { path: a/B.java, lines: 3, symbol: B }\n';
    expect(set(text, ['at'], 'fingerprint', '"abcd"', ['lines'])).toBe('at: { path: a/B.java, lines: 3, fingerprint: "abcd", symbol: B }\n');
  });

  it('replaces an existing value where it stands, keeping comments and everything else', () => {
    const out = set(BLOCK, ['annotations', 0], 'lines', linesValue([13, 14]));
    expect(out).toBe(BLOCK.replace('[3, 4]', '[13, 14]'));
    const flow = 'at: { path: a/B.java, lines: 3 } # trailing\n';
    expect(set(flow, ['at'], 'lines', '30')).toBe('at: { path: a/B.java, lines: 30 } # trailing\n');
  });

  it('shifts offsets by `base` for YAML inside a larger file, and refuses a path that is not a mapping', () => {
    const frontmatter = 'title: T\nchapter: 1\n';
    const file = `---\n${frontmatter}---\nbody\n`;
    const edit = setMapValue(sourceOf(frontmatter), [], 'chapter', '2', [], 4);
    expect(applyEdits(file, [edit!])).toBe('---\ntitle: T\nchapter: 2\n---\nbody\n');
    expect(setMapValue(sourceOf('list: [1, 2]\n'), ['list'], 'x', '1')).toBeNull();
  });
});

describe('text edits', () => {
  it('apply from the end so offsets stay valid, and refuse overlaps', () => {
    expect(applyEdits('abcdef', [{ start: 0, end: 1, text: 'X' }, { start: 4, end: 6, text: 'YZW' }])).toBe('XbcdYZW');
    expect(() => applyEdits('abcdef', [{ start: 0, end: 3, text: '' }, { start: 2, end: 4, text: '' }])).toThrow(/overlapping/);
  });

  it('find the offset of a 1-based line and column', () => {
    const text = 'ab\ncde\nf';
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 2)).toBe(4);
    expect(text[offsetOf(text, 3, 1)]).toBe('f');
  });
});

describe('setNoteFingerprints', () => {
  const note = (text: string) => ({ text }) as LoadedNote;
  const entries = new Map([
    ['b/B.java#L3-L4', 'bbbb cccc'],
    ['a/A.java#L1', 'aaaa'],
  ]);

  it('adds a sorted block at the end of the frontmatter and leaves the rest as written', () => {
    const text = '---\ntitle: T   # comment\nchapter: 1\n---\n\n## Body\n';
    const out = applyEdits(text, [setNoteFingerprints(note(text), entries)!]);
    expect(out).toBe('---\ntitle: T   # comment\nchapter: 1\nfingerprints:\n  "a/A.java#L1": "aaaa"\n  "b/B.java#L3-L4": "bbbb cccc"\n---\n\n## Body\n');
    expect(setNoteFingerprints(note(out), entries)).toBeNull();
  });

  it('replaces an existing block, and removes it when there is nothing to keep', () => {
    const text = '---\ntitle: T\nfingerprints:\n  "old#L1": "zzzz"\nchapter: 1\n---\nbody\n';
    expect(applyEdits(text, [setNoteFingerprints(note(text), new Map([['a/A.java#L1', 'aaaa']]))!])).toBe('---\ntitle: T\nchapter: 1\nfingerprints:\n  "a/A.java#L1": "aaaa"\n---\nbody\n');
    expect(applyEdits(text, [setNoteFingerprints(note(text), new Map())!])).toBe('---\ntitle: T\nchapter: 1\n---\nbody\n');
  });
});
