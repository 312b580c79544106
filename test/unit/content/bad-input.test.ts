import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../lib/check';
import { formatProblem, type Problem } from '../../../lib/content/problems';
import { CONTENT_FIXTURES, copyTree, createContentProject, type ContentProject } from '../../helpers/content-project';
import { positionOf } from '../../helpers/java';
import { makeTempDir, removeTempDirs } from '../../helpers/temp';

/*
 * Each folder under test/fixtures/content/bad-input is a content root with one kind of mistake.
 * It is copied to annotations/ of a project of its own and checked against the small fixture
 * source (test/fixtures/content/source). The checker must report every mistake at the file, line
 * and column where it was made, with a hint, and never throw.
 */
const BAD_INPUT = path.join(CONTENT_FIXTURES, 'bad-input');
const STORE = 'annotations/store/src/main/java/org/example/store';
const LEDGER = `${STORE}/Ledger.java.yaml`;
const JOURNAL = `${STORE}/Journal.java.yaml`;
const NOTE = 'annotations/notes/ledger.md';

/**
 * Where a problem must be reported: a literal position, or the start of `at` inside `needle`,
 * which must occur exactly once in the case's copy of `file` (so the position follows the text).
 */
type Where = { line: number; column: number } | { needle: string; at?: string };

interface Expected {
  file: string;
  where: Where;
  message: string;
  /** A substring the hint must contain, when the hint says something specific. */
  hint?: string;
}

interface Case {
  name: string;
  expected: Expected[];
  /** Changes the case's copy before the check (for inputs too big to commit). */
  prepare?: (root: string) => void;
}

const TEN_MB = 10 * 1024 * 1024;

const CASES: Case[] = [
  {
    name: 'yaml-syntax-error',
    expected: [{ file: LEDGER, where: { needle: 'The total: kept' }, message: 'YAML syntax error: Nested mappings are not allowed' }],
  },
  {
    name: 'wrong-types',
    expected: [
      { file: LEDGER, where: { needle: '"22-24"' }, message: 'annotations[0].lines:' },
      { file: LEDGER, where: { needle: 'title: 42', at: '42' }, message: 'annotations[0].title: expected string, got number 42' },
    ],
  },
  {
    name: 'unknown-keys',
    expected: [
      { file: LEDGER, where: { needle: 'sumary:' }, message: "unknown key 'sumary'", hint: 'allowed keys' },
      { file: LEDGER, where: { needle: 'colour: red' }, message: "unknown key 'colour'", hint: 'allowed keys' },
    ],
  },
  {
    name: 'duplicate-ids',
    expected: [
      {
        file: LEDGER,
        where: { needle: 'ledger-total\n    lines: 31' },
        message: "duplicate annotation id 'ledger-total'",
        hint: `first used at ${LEDGER}:3:9`,
      },
      {
        file: LEDGER,
        where: { needle: 'journal-write\n    lines: 12' },
        message: "duplicate annotation id 'journal-write'",
        hint: `first used at ${JOURNAL}:3:9`,
      },
    ],
  },
  {
    name: 'lines-past-end',
    expected: [{ file: LEDGER, where: { needle: '[40, 60]' }, message: 'line 60 is past the end of store/src/main/java/org/example/store/Ledger.java' }],
  },
  {
    name: 'reversed-range',
    expected: [{ file: LEDGER, where: { needle: '[20, 10]' }, message: 'line range 20-10 is reversed', hint: 'write 10-20' }],
  },
  {
    name: 'unknown-symbol',
    expected: [
      {
        file: LEDGER,
        where: { needle: 'org.example.store.Ledger#apend(long)' },
        message: "symbol 'org.example.store.Ledger#apend(long)' not found in store/src/main/java/org/example/store/Ledger.java",
        hint: "did you mean 'org.example.store.Ledger#append(long)'?",
      },
      {
        file: 'annotations/concepts/running-total.yaml',
        where: { needle: 'org.example.store.Ledger#totl' },
        message: "symbol 'org.example.store.Ledger#totl' not found",
        hint: "did you mean 'org.example.store.Ledger#total'?",
      },
    ],
  },
  {
    name: 'missing-required-fields',
    expected: [
      // A missing key is reported where the entry starts.
      { file: LEDGER, where: { needle: 'id: ledger-no-title' }, message: 'annotations[0].title: missing required field' },
      { file: LEDGER, where: { needle: 'id: ledger-no-body' }, message: 'annotations[1].body: missing required field' },
      { file: JOURNAL, where: { needle: 'id: journal-unanchored' }, message: 'annotation journal-unanchored has neither symbol nor lines' },
    ],
  },
  {
    name: 'empty-file',
    expected: [{ file: LEDGER, where: { line: 1, column: 1 }, message: 'this annotation file is empty' }],
  },
  {
    name: 'oversized-file',
    prepare(root) {
      // Valid YAML (comment lines), so size is the only thing wrong with it.
      const file = path.join(root, LEDGER);
      const line = `# ${'padding '.repeat(15)}\n`;
      fs.appendFileSync(file, line.repeat(Math.ceil(TEN_MB / line.length)));
      expect(fs.statSync(file).size).toBeGreaterThanOrEqual(TEN_MB);
    },
    expected: [{ file: LEDGER, where: { line: 1, column: 1 }, message: 'the limit is 1 MB' }],
  },
  {
    name: 'broken-note-refs',
    expected: [
      { file: NOTE, where: { needle: '[missing note]' }, message: "note 'no-such-note' does not exist" },
      { file: NOTE, where: { needle: '[missing section]' }, message: "note 'ledger' has no section 'no-such-section'" },
      { file: NOTE, where: { needle: '[missing concept]' }, message: "concept 'no-such-concept' does not exist" },
      { file: NOTE, where: { needle: '[near miss]' }, message: "symbol 'org.example.store.Ledger#sizes()' not found", hint: "did you mean 'org.example.store.Ledger#size()'?" },
      { file: NOTE, where: { needle: '[missing file]' }, message: 'upstream file store/src/main/java/org/example/store/Missing.java does not exist' },
      { file: NOTE, where: { needle: '[script]' }, message: "link 'javascript:alert(1)' cannot be used", hint: "'javascript:' are not allowed" },
      // Excerpt keys are reported at their value.
      { file: NOTE, where: { needle: 'colour: red', at: 'red' }, message: "unknown key 'colour'" },
      { file: NOTE, where: { needle: '```layout' }, message: "layout 'no-such-layout' does not exist" },
      { file: NOTE, where: { needle: '![](diagram:ledger-entry)' }, message: "diagram 'ledger-entry' needs a text alternative" },
      { file: NOTE, where: { needle: '![A picture of something' }, message: "diagram 'nowhere' does not exist" },
    ],
  },
  {
    name: 'stale-fingerprint',
    expected: [
      { file: LEDGER, where: { needle: 'id: ledger-stale' }, message: 'annotation ledger-stale is changed at rocketmq-all-0.0.0-test', hint: 'annotate -- fix' },
      { file: LEDGER, where: { needle: 'lines: [25, 27]\n    title: Nobody', at: '[25, 27]' }, message: 'annotation ledger-unfixed has no fingerprint yet', hint: 'annotate -- fix' },
      { file: LEDGER, where: { needle: '"qEdr buYp"' }, message: 'the fingerprint covers 2 lines but the anchor has 3' },
      { file: NOTE, where: { needle: '"aJCG BV-0 -AxI"' }, message: 'fingerprint for store/src/main/java/org/example/store/Ledger.java#L30-L32, which the note no longer uses' },
      { file: NOTE, where: { needle: '[check]' }, message: 'range store/src/main/java/org/example/store/Ledger.java#L22-L24 has no fingerprint yet' },
    ],
  },
  {
    name: 'line-range-link-in-annotation',
    expected: [
      // In a block scalar and in a quoted scalar: positions are mapped back into the YAML file.
      { file: LEDGER, where: { needle: '[append](code:' }, message: 'line-range links belong in design notes', hint: 'symbol:' },
      { file: LEDGER, where: { needle: '[the constant](code:' }, message: 'line-range links belong in design notes', hint: 'symbol:' },
    ],
  },
  {
    name: 'non-anchorable-path',
    expected: [
      { file: 'annotations/example/src/main/java/org/example/demo/Demo.java.yaml', where: { line: 1, column: 1 }, message: 'example/src/main/java/org/example/demo/Demo.java is not provided by every upstream route, so it cannot be annotated', hint: 'anchorableModules' },
      { file: 'annotations/example/src/main/java/org/example/demo/Demo.java.yaml', where: { needle: 'id: demo-main' }, message: 'is not provided by every upstream route' },
      { file: 'annotations/store/src/test/java/org/example/store/LedgerTest.java.yaml', where: { line: 1, column: 1 }, message: 'store/src/test/java/org/example/store/LedgerTest.java is not provided by every upstream route, so it cannot be annotated', hint: 'anchorableModules' },
      { file: 'annotations/store/src/test/java/org/example/store/LedgerTest.java.yaml', where: { needle: 'id: ledger-test-append' }, message: 'is not provided by every upstream route' },
    ],
  },
  {
    name: 'unsafe-svg',
    expected: [
      { file: 'annotations/diagrams/with-script.svg', where: { line: 3, column: 1 }, message: "diagram 'with-script' contains something a picture must not (<script)", hint: 'no scripts' },
      { file: 'annotations/diagrams/with-style.svg', where: { line: 2, column: 1 }, message: "diagram 'with-style' contains something a picture must not (<style)", hint: '<style> elements' },
    ],
  },
  {
    name: 'layout-size-mismatch',
    expected: [
      {
        file: 'annotations/layouts/ledger-entry.yaml',
        where: { needle: 'size: 4', at: '4' },
        message: 'field amount is 4 bytes here but the code says 8',
        hint: 'store/src/main/java/org/example/store/Ledger.java line 15',
      },
    ],
  },
  {
    name: 'layout-pattern-mismatch',
    expected: [
      {
        file: 'annotations/layouts/ledger-entry.yaml',
        where: { needle: "'AMOUNT_BYTES = (\\d+)'" },
        message: 'the pattern for field amount does not match lines 15-15 of store/src/main/java/org/example/store/Ledger.java',
      },
    ],
  },
];

let project: ContentProject;

beforeAll(async () => {
  project = await createContentProject();
});

afterAll(() => removeTempDirs());

function positionIn(root: string, expected: Expected): { line: number; column: number } {
  if ('line' in expected.where) return expected.where;
  const text = fs.readFileSync(path.join(root, expected.file), 'utf8');
  const { needle, at } = expected.where;
  const start = positionOf(text, needle);
  if (at === undefined) return start;
  const before = needle.slice(0, needle.indexOf(at));
  const newlines = before.split('\n').length - 1;
  return newlines === 0 ? { line: start.line, column: start.column + before.length } : { line: start.line + newlines, column: before.length - before.lastIndexOf('\n') };
}

describe('the checker on bad input', () => {
  it('has a fixture folder for every case and a case for every fixture folder', () => {
    expect(fs.readdirSync(BAD_INPUT).sort()).toEqual(CASES.map((c) => c.name).sort());
  });

  it.each(CASES)('$name: each problem at its file, line and column, with a hint', (testCase) => {
    const root = makeTempDir(`bad-${testCase.name}`);
    copyTree(path.join(BAD_INPUT, testCase.name, 'annotations'), path.join(root, 'annotations'));
    testCase.prepare?.(root);

    const { problems } = runCheck(root, project.index, 'annotations');
    const listing = problems.map(formatProblem).join('\n');

    for (const expected of testCase.expected) {
      const { line, column } = positionIn(root, expected);
      const found: Problem | undefined = problems.find((p) => p.file === expected.file && p.line === line && p.column === column && p.message.includes(expected.message));
      expect(found, `expected ${expected.file}:${line}:${column}: …${expected.message}… among:\n${listing}`).toBeDefined();
      expect(found!.hint?.trim().length ?? 0, `no hint for ${formatProblem(found!)}`).toBeGreaterThan(0);
      if (expected.hint) expect(found!.hint).toContain(expected.hint);
    }
    // Nothing else is reported: each fixture has exactly the mistakes it is named after.
    expect(problems, listing).toHaveLength(testCase.expected.length);
    for (const problem of problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
      expect(problem.message).not.toMatch(/\n\s+at /);
    }
  });
});
