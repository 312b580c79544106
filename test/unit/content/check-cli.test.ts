import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixCorpus } from '../../../lib/annotate/fix';
import { runScript } from '../../helpers/cli';
import { CONTENT_FIXTURES, createContentProject } from '../../helpers/content-project';
import { makeTempDir, removeTempDirs, writeTree } from '../../helpers/temp';

/*
 * `npm run check` as a person runs it: a child process with the project in ROCKETMQ_LEARNING_ROOT.
 * Problems come out as `path:line:col: message` with a hint line, the exit code says whether there
 * were any, and no input makes it print a stack trace.
 */
const STACK_LINE = /^\s+at /m;

afterAll(() => removeTempDirs());

function check(root: string, content: string) {
  return runScript('scripts/check.ts', ['--content', content], { ...process.env, ROCKETMQ_LEARNING_ROOT: root });
}

describe('npm run check', () => {
  it('exits 1 and prints each problem as path:line:col: message, with a hint', async () => {
    const project = await createContentProject({ content: path.join(CONTENT_FIXTURES, 'bad-input', 'broken-note-refs', 'annotations'), makeCurrent: true });
    const run = check(project.root, 'annotations');
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);

    const lines = run.stdout.trimEnd().split('\n');
    const problems = lines.filter((line) => /^annotations\/notes\/ledger\.md:\d+:\d+: \S/.test(line));
    expect(problems).toHaveLength(10);
    expect(problems).toContain("annotations/notes/ledger.md:9:3: note 'no-such-note' does not exist");
    // Every problem line is followed by its hint; nothing else is printed but the summary.
    lines.slice(0, -1).forEach((line, i) => {
      if (i % 2 === 0) expect(problems).toContain(line);
      else expect(line).toMatch(/^ {2}hint: \S/);
    });
    expect(lines.at(-1)).toMatch(/^check: .* at rocketmq-all-0\.0\.0-test: 10 problems \(/);
  });

  it('exits 0 on a good corpus, from any content folder', async () => {
    const project = await createContentProject({ content: path.join(CONTENT_FIXTURES, 'good', 'annotations'), contentRoot: 'corpus', makeCurrent: true });
    fixCorpus(project.root, project.view, project.contentRoot);
    const run = check(project.root, 'corpus');
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^check: 3 annotations in 1 files, 1 notes, 1 concepts, 1 tours, 1 layouts, 1 diagrams, 8 anchors at rocketmq-all-0\.0\.0-test: no problems/m);
  });

  it('explains a missing index instead of crashing', () => {
    const root = makeTempDir('no-index');
    writeTree(root, { 'annotations/notes/x.md': '---\ntitle: X\nchapter: 1\nsummary: x\n---\n' });
    const run = check(root, 'annotations');
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toContain('no source index yet');
  });
});
