import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fingerprintOf } from '../../../lib/anchors/fingerprint';
import { runCheck } from '../../../lib/check';
import { formatProblem } from '../../../lib/content/problems';
import { AnnotationFile } from '../../../lib/content/schema';
import { splitLines } from '../../../lib/content/source-view';
import { annotationSnippet, innermostAround } from '../../../lib/site/snippet';
import type { OutlineEntry } from '../../../lib/site/types';
import { PROJECT_ROOT } from '../../helpers/cli';
import { FIXTURE_SOURCE, createContentProject } from '../../helpers/content-project';
import { removeTempDirs, writeTree } from '../../helpers/temp';

const LEDGER = 'store/src/main/java/org/example/store/Ledger.java';
const fileLines = splitLines(fs.readFileSync(path.join(FIXTURE_SOURCE, LEDGER), 'utf8'));

// The outline of the fixture Ledger.java (what the code view passes in), written out by hand.
const entry = (id: string, kind: OutlineEntry['kind'], start: number, end: number, depth: number): OutlineEntry => ({ id, kind, name: id.replace(/.*[#.]/, ''), line: start, start, end, depth });
const OUTLINE: OutlineEntry[] = [
  entry('org.example.store.Ledger', 'class', 9, 42, 0),
  entry('org.example.store.Ledger#ENTRY_SIZE', 'field', 12, 12, 1),
  entry('org.example.store.Ledger#append(long)', 'method', 21, 28, 1),
  entry('org.example.store.Ledger#total()', 'method', 30, 32, 1),
  entry('org.example.store.Ledger.Entry', 'class', 38, 41, 1),
  entry('org.example.store.Ledger.Entry#amount', 'field', 39, 39, 2),
];

afterAll(() => removeTempDirs());

describe('innermostAround', () => {
  it('chooses the innermost declaration that contains every selected line', () => {
    expect(innermostAround(OUTLINE, [22, 24])?.id).toBe('org.example.store.Ledger#append(long)');
    expect(innermostAround(OUTLINE, [39, 39])?.id).toBe('org.example.store.Ledger.Entry#amount');
    expect(innermostAround(OUTLINE, [39, 40])?.id).toBe('org.example.store.Ledger.Entry');
    // Across two methods: only the class holds both.
    expect(innermostAround(OUTLINE, [27, 31])?.id).toBe('org.example.store.Ledger');
    expect(innermostAround(OUTLINE, [1, 3])).toBeUndefined();
  });
});

describe('annotationSnippet', () => {
  const forLines = (lines: [number, number], fileExists: boolean) => annotationSnippet({ path: LEDGER, lines, fileLines, outline: OUTLINE, fileExists });

  it('fills in the innermost symbol, the lines and the fingerprint the checker computes', () => {
    const snippet = forLines([22, 24], true);
    expect(snippet).toContain('    symbol: org.example.store.Ledger#append(long)\n');
    expect(snippet).toContain('    lines: [22, 24]\n');
    const written = /fingerprint: "([^"]+)"/.exec(snippet)?.[1];
    expect(written).toBe(fingerprintOf(fileLines.slice(21, 24)));
    expect(forLines([12, 12], true)).toContain('    lines: 12\n');
    expect(forLines([1, 1], true)).not.toContain('symbol:');
  });

  it('for a new file, starts with the schema comment, whose path leads to the schema', () => {
    const snippet = forLines([22, 24], false);
    const first = snippet.split('\n')[0]!;
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, first).not.toBeNull();
    const annotationFile = `annotations/${LEDGER}.yaml`;
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(annotationFile), match![1]!));
    expect(resolved).toBe('schema/annotation-file.schema.json');
    expect(fs.existsSync(path.join(PROJECT_ROOT, resolved))).toBe(true);
    // And the rest is a valid annotation file.
    expect(AnnotationFile.safeParse(parse(snippet)).success).toBe(true);
  });

  it('for an existing file, is one list entry that appends to it', () => {
    const snippet = forLines([22, 24], true);
    expect(snippet.startsWith('  - id: ')).toBe(true);
    const combined = AnnotationFile.safeParse(parse(`annotations:\n  - id: first\n    lines: 12\n    title: An entry already there\n    body: x\n${snippet}`));
    expect(combined.success).toBe(true);
    expect(combined.data?.annotations).toHaveLength(2);
  });

  it('passes the checker as it is, in a project with that source', async () => {
    const project = await createContentProject();
    writeTree(project.root, { [`annotations/${LEDGER}.yaml`]: forLines([22, 24], false) });
    const { problems, counts } = runCheck(project.root, project.index, 'annotations');
    expect(problems.map(formatProblem)).toEqual([]);
    expect(counts.annotations).toBe(1);
  });
});
