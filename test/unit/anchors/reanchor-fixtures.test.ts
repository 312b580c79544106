import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintOf, normalizeLine } from '../../../lib/anchors/fingerprint';
import { headerLines, resolveAnchor, type AnchorState } from '../../../lib/anchors/resolve';
import { runCheck } from '../../../lib/check';
import { collectAnchors } from '../../../lib/content/anchors';
import { rangeKey } from '../../../lib/content/excerpt-spec';
import { loadCorpus } from '../../../lib/content/load';
import { formatProblem } from '../../../lib/content/problems';
import type { SourceView } from '../../../lib/content/source-view';
import { reanchor, type ReanchorEntry } from '../../../lib/reanchor';
import { REANCHOR_FIXTURES, createContentProject, ingestTree, readTreeTexts } from '../../helpers/content-project';
import { removeTempDirs } from '../../helpers/temp';

/*
 * Each folder under test/fixtures/reanchor has a `before` and an `after` source tree and content
 * whose fingerprints were written against `before`. Both trees are ingested (separate stamps), the
 * content is re-anchored from before to after with writing on, and the test checks every anchor's
 * state, the exact lines rewritten in the content files, and that moved anchors land on the same
 * text.
 */
const JAVA = 'store/src/main/java/org/example/store/Ledger.java';
const YAML = `annotations/${JAVA}.yaml`;
const NOTE = 'annotations/notes/ledger.md';
const TOUR = 'annotations/tours/ledger-steps.yaml';

interface ExpectedAnchor {
  state: AnchorState;
  /** Where the anchor is in `after` (moved), or the candidate reported (changed). */
  lines?: [number, number];
  symbol?: string;
  /** A substring of the report's detail. */
  detail?: string;
}

interface Case {
  /** By report label. */
  anchors: Record<string, ExpectedAnchor>;
  /** Per content file, the lines that change, as [before, after] pairs in file order; other files must not change. */
  edits: Record<string, Array<[string, string]>>;
}

const key = (lines: string) => `store/src/main/java/org/example/store/Ledger.java#${lines}`;
const fp = (k: string, value: string) => `  "${key(k)}": "${value}"`;
const link = (lines: string) => `The [check](code:${key(lines)}) comes first.`;
const FP_CHECK = 'UWVF C5lV -AxI';
const FP_UPDATES = 'buYp atcF BV-0';

const APPEND = 'org.example.store.Ledger#append(long)';
const CASES: Record<string, Case> = {
  'lines-inserted-above': {
    anchors: {
      'annotation ledger-append-check': { state: 'moved', lines: [13, 15], symbol: APPEND },
      // A symbol-only anchor follows its symbol: the header is found where the symbol now starts.
      'annotation ledger-append-method': { state: 'exact', lines: [12, 12], symbol: APPEND },
      'annotation ledger-append-updates': { state: 'moved', lines: [16, 17] },
      // `return total;` is also line 18 (inside append): the step's own symbol is searched first.
      'tour ledger-steps step 2': { state: 'moved', lines: [22, 22], symbol: 'org.example.store.Ledger#total()' },
      [`note ledger range ${key('L10-L12')}`]: { state: 'moved', lines: [13, 15] },
      [`note ledger range ${key('L13-L15')}`]: { state: 'moved', lines: [16, 18] },
    },
    edits: {
      [YAML]: [
        ['    lines: [10, 12]   # the check', '    lines: [13, 15]   # the check'],
        ['    lines: [13, 14]', '    lines: [16, 17]'],
      ],
      // The link's range moves onto the excerpt's old range: both fingerprints must keep their own value.
      [NOTE]: [
        [fp('L10-L12', FP_CHECK), fp('L13-L15', FP_CHECK)],
        [fp('L13-L15', FP_UPDATES), fp('L16-L18', FP_UPDATES)],
        [link('L10-L12'), link('L13-L15')],
        ['lines: 13-15', 'lines: 16-18'],
      ],
      [TOUR]: [
        [
          '    at: { path: store/src/main/java/org/example/store/Ledger.java, symbol: org.example.store.Ledger#total(), lines: 19, fingerprint: "BV-0" }',
          '    at: { path: store/src/main/java/org/example/store/Ledger.java, symbol: org.example.store.Ledger#total(), lines: 22, fingerprint: "BV-0" }',
        ],
      ],
    },
  },
  'method-moved': {
    anchors: {
      'annotation ledger-append-check': { state: 'moved', lines: [18, 20], symbol: APPEND },
      'annotation ledger-append-method': { state: 'exact', lines: [17, 17], symbol: APPEND },
      'annotation ledger-append-updates': { state: 'moved', lines: [21, 22] },
      [`note ledger range ${key('L10-L12')}`]: { state: 'moved', lines: [18, 20] },
      [`note ledger range ${key('L13-L15')}`]: { state: 'moved', lines: [21, 23] },
    },
    edits: {
      [YAML]: [
        ['    lines: [10, 12]   # the check', '    lines: [18, 20]   # the check'],
        ['    lines: [13, 14]', '    lines: [21, 22]'],
      ],
      [NOTE]: [
        [fp('L10-L12', FP_CHECK), fp('L18-L20', FP_CHECK)],
        [fp('L13-L15', FP_UPDATES), fp('L21-L23', FP_UPDATES)],
        [link('L10-L12'), link('L18-L20')],
        ['lines: 13-15', 'lines: 21-23'],
      ],
    },
  },
  'method-renamed': {
    anchors: {
      // Lines inside the body are unchanged: the anchor follows them to the renamed method.
      'annotation ledger-append-check': { state: 'moved', lines: [10, 12], symbol: 'org.example.store.Ledger#add(long)', detail: 'symbol is now org.example.store.Ledger#add(long)' },
      // A symbol-only anchor is anchored to the declaration's header, and a rename rewrites the
      // header: its fingerprinted text is gone, so it cannot move onto identical text.
      'annotation ledger-append-method': { state: 'orphaned', detail: `symbol ${APPEND} and its lines are gone` },
      'annotation ledger-append-updates': { state: 'exact', lines: [13, 14] },
      [`note ledger range ${key('L10-L12')}`]: { state: 'exact', lines: [10, 12] },
      [`note ledger range ${key('L13-L15')}`]: { state: 'exact', lines: [13, 15] },
    },
    edits: {
      [YAML]: [['    symbol: org.example.store.Ledger#append(long)', '    symbol: org.example.store.Ledger#add(long)']],
    },
  },
  'enclosing-type-renamed': {
    anchors: {
      // The type around them was renamed; their headers are unchanged, so symbol-only anchors move.
      'annotation ledger-entry-amount-method': { state: 'moved', lines: [14, 14], symbol: 'org.example.store.Ledger.Record#amount()', detail: 'declaration found' },
      'annotation ledger-entry-amount-field': { state: 'moved', lines: [8, 8], symbol: 'org.example.store.Ledger.Record#amount', detail: 'declaration found' },
      'annotation ledger-entry-amount-return': { state: 'moved', lines: [15, 15], symbol: 'org.example.store.Ledger.Record#amount()' },
    },
    edits: {
      [YAML]: [
        ['    symbol: org.example.store.Ledger.Entry#amount()', '    symbol: org.example.store.Ledger.Record#amount()'],
        ['    symbol: org.example.store.Ledger.Entry#amount', '    symbol: org.example.store.Ledger.Record#amount'],
        ['    symbol: org.example.store.Ledger.Entry#amount()', '    symbol: org.example.store.Ledger.Record#amount()'],
      ],
    },
  },
  'lines-edited-inside': {
    anchors: {
      'annotation ledger-append-check': { state: 'changed', lines: [10, 12], symbol: APPEND, detail: 'symbol still there, lines differ (67%' },
      // The header was not edited.
      'annotation ledger-append-method': { state: 'exact', lines: [9, 9], symbol: APPEND },
      // One of two lines edited: exactly at the similarity threshold, still "changed".
      'annotation ledger-append-updates': { state: 'changed', lines: [13, 14], detail: '50% of the lines' },
      [`note ledger range ${key('L10-L12')}`]: { state: 'changed', lines: [10, 12] },
      [`note ledger range ${key('L13-L15')}`]: { state: 'changed', lines: [13, 15] },
    },
    edits: {},
  },
  'block-rewritten': {
    anchors: {
      'annotation ledger-append-check': { state: 'orphaned', detail: `symbol ${APPEND} and its lines are gone` },
      'annotation ledger-append-method': { state: 'orphaned', detail: `symbol ${APPEND} and its lines are gone` },
      'annotation ledger-append-updates': { state: 'orphaned', detail: 'the lines are gone' },
      [`note ledger range ${key('L10-L12')}`]: { state: 'orphaned' },
      [`note ledger range ${key('L13-L15')}`]: { state: 'orphaned' },
    },
    edits: {},
  },
  'file-deleted': {
    anchors: {
      'annotation ledger-append-check': { state: 'orphaned', detail: 'the file is gone' },
      'annotation ledger-append-method': { state: 'orphaned', detail: 'the file is gone' },
      'annotation ledger-append-updates': { state: 'orphaned', detail: 'the file is gone' },
      [`note ledger range ${key('L10-L12')}`]: { state: 'orphaned', detail: 'the file is gone' },
      [`note ledger range ${key('L13-L15')}`]: { state: 'orphaned', detail: 'the file is gone' },
    },
    edits: {},
  },
};

afterAll(() => removeTempDirs());

/** Lines that differ between two texts of the same line count, as [before, after] pairs. */
function lineEdits(before: string, after: string): Array<[string, string]> {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length, 'a rewrite never adds or removes lines').toBe(a.length);
  return a.flatMap((line, i): Array<[string, string]> => (line === b[i] ? [] : [[line, b[i]!]]));
}

/** The lines an entry named in the source it was re-anchored from. */
function fromLines(entry: ReanchorEntry, view: SourceView): [number, number] {
  if (entry.from.lines) return entry.from.lines;
  const symbol = view.file(entry.from.path)!.symbols.find((s) => s.id === entry.from.symbol)!;
  return headerLines(symbol);
}

function text(view: SourceView, upstreamPath: string, lines: readonly [number, number]): string[] {
  return view.file(upstreamPath)!.lines.slice(lines[0] - 1, lines[1]).map(normalizeLine);
}

/** The label an anchor has once its new place is written (note ranges are named by their range). */
function labelAfter(entry: ReanchorEntry): string {
  return entry.label.startsWith('note ') && entry.state === 'moved' ? `note ledger range ${rangeKey(entry.from.path, entry.to!.lines!)}` : entry.label;
}

describe('reanchor over the fixture cases', () => {
  it('has a fixture folder for every case and a case for every fixture folder', () => {
    expect(fs.readdirSync(REANCHOR_FIXTURES).sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s', async (name, testCase) => {
    const folder = path.join(REANCHOR_FIXTURES, name);
    const project = await createContentProject({ content: path.join(folder, 'annotations'), source: path.join(folder, 'before') });
    const after = await ingestTree(project.root, path.join(folder, 'after'), { label: 'after' });
    expect(after.index.manifest.stamp).not.toBe(project.index.manifest.stamp);

    // The fixture is consistent: every anchor is exact against `before`.
    const precheck = runCheck(project.root, project.index, project.contentRoot);
    expect(precheck.problems.map(formatProblem)).toEqual([]);

    const contentDir = path.join(project.root, project.contentRoot);
    const original = readTreeTexts(contentDir);
    const report = reanchor(project.root, project.view, after.view, { write: true, contentRoot: project.contentRoot });

    // Every anchor's state, and where it is now.
    expect(report.entries.map((e) => e.label).sort()).toEqual(Object.keys(testCase.anchors).sort());
    for (const entry of report.entries) {
      const expected = testCase.anchors[entry.label]!;
      expect(entry.state, `${entry.label}: ${entry.detail}`).toBe(expected.state);
      if (expected.lines) expect(entry.to?.lines, entry.label).toEqual(expected.lines);
      if (expected.symbol) expect(entry.to?.symbol, entry.label).toBe(expected.symbol);
      if (expected.detail) expect(entry.detail, entry.label).toContain(expected.detail);
      expect(entry.detail.length).toBeGreaterThan(0);
    }
    const { exact, moved, changed, orphaned } = report.counts;
    expect(exact + moved + changed + orphaned).toBe(report.entries.length);

    // Exactly the expected lines changed, in the expected files; everything else byte for byte.
    const written = readTreeTexts(contentDir);
    expect([...written.keys()].sort()).toEqual([...original.keys()].sort());
    const expectedFiles = Object.keys(testCase.edits).sort();
    expect(report.filesWritten).toEqual(expectedFiles);
    for (const [file, before] of original) {
      const edits = lineEdits(before, written.get(file)!);
      expect(edits, file).toEqual(testCase.edits[`${project.contentRoot}/${file}`] ?? []);
    }

    // Moved anchors land on the same text (after whitespace normalization) ...
    for (const entry of report.entries.filter((e) => e.state === 'moved')) {
      expect(text(after.view, entry.from.path, entry.to!.lines!), entry.label).toEqual(text(project.view, entry.from.path, fromLines(entry, project.view)));
    }
    // ... and, read back from the rewritten files, every exact or moved anchor's lines hash to its
    // fingerprint in `after`, while changed and orphaned anchors are still as they were written.
    const reloaded = collectAnchors(loadCorpus(project.root, project.contentRoot).corpus, after.view).anchors;
    const byLabel = new Map(reloaded.map((a) => [a.label, a]));
    for (const entry of report.entries) {
      const anchor = byLabel.get(labelAfter(entry));
      expect(anchor, `${labelAfter(entry)} after the rewrite`).toBeDefined();
      const resolution = resolveAnchor(anchor!.anchor, after.view.file(anchor!.upstreamPath));
      if (entry.state === 'exact' || entry.state === 'moved') {
        expect(resolution.state, entry.label).toBe('exact');
        const file = after.view.file(anchor!.upstreamPath)!;
        const lines = anchor!.anchor.lines ?? headerLines(file.symbols.find((s) => s.id === anchor!.anchor.symbol)!);
        expect(fingerprintOf(file.lines.slice(lines[0] - 1, lines[1])), entry.label).toBe(anchor!.anchor.fingerprint);
      } else {
        expect(resolution.state, entry.label).toBe(entry.state);
        expect(anchor!.anchor.lines, entry.label).toEqual(entry.from.lines);
        expect(anchor!.anchor.symbol, entry.label).toBe(entry.from.symbol);
      }
    }
  });

  it('writes nothing without `write`, and reports the same', async () => {
    const folder = path.join(REANCHOR_FIXTURES, 'lines-inserted-above');
    const project = await createContentProject({ content: path.join(folder, 'annotations'), source: path.join(folder, 'before') });
    const after = await ingestTree(project.root, path.join(folder, 'after'), { label: 'after' });
    const original = readTreeTexts(path.join(project.root, project.contentRoot));
    const report = reanchor(project.root, project.view, after.view, { write: false, contentRoot: project.contentRoot });
    expect(report.filesWritten).toEqual([]);
    expect(report.counts).toEqual({ exact: 1, moved: 5, changed: 0, orphaned: 0 });
    expect(readTreeTexts(path.join(project.root, project.contentRoot))).toEqual(original);
  });
});
