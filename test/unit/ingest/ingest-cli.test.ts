import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runScript } from '../../helpers/cli';
import { fixtureBytes } from '../../helpers/java';
import { makeTempDir, removeTempDirs, writeTree } from '../../helpers/temp';

/* `npm run ingest` as a user runs it, on a small tree, into a project folder of its own. */
afterEach(() => removeTempDirs());

function projectWithTree(): { env: NodeJS.ProcessEnv; tree: string } {
  const project = makeTempDir('project');
  fs.copyFileSync(path.join(PROJECT_ROOT, 'upstream.json'), path.join(project, 'upstream.json'));
  const tree = makeTempDir('tree');
  writeTree(tree, {
    'a/Nesting.java': fixtureBytes('nested-classes/Nesting.java'),
    'b/Broken.java': fixtureBytes('syntax-error/Broken.java'),
    'README.md': '# a tree\n',
  });
  return { env: { ...process.env, ROCKETMQ_LEARNING_ROOT: project, ROCKETMQ_SRC: tree }, tree };
}

describe('npm run ingest', () => {
  it('prints its summary as one JSON line with --json', () => {
    const { env } = projectWithTree();
    const run = runScript('scripts/ingest.ts', ['--quiet', '--json', '--no-xrefs'], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
    expect(report).toMatchObject({ files: 3, javaFiles: 2, parsed: 2, unchanged: false, filesWithSyntaxErrors: ['b/Broken.java'] });
    expect(report.symbols).toBeGreaterThan(5);
    expect(report.maxRssKiB).toBeGreaterThan(0);
  });

  it('prints the summary line and each file with syntax errors, as path:line:column', () => {
    const { env } = projectWithTree();
    const run = runScript('scripts/ingest.ts', ['--quiet'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ingest: 3 files \(2 Java\), \d+ symbols, 1 file with parse errors, \d+ references resolved/m);
    expect(run.stderr).toMatch(/^b\/Broken\.java:8:\d+: syntax error: .*; indexed what parsed$/m);
  });

  it('names what is wrong with upstream.json', () => {
    const { env } = projectWithTree();
    const pinFile = path.join(env.ROCKETMQ_LEARNING_ROOT!, 'upstream.json');
    const pin = JSON.parse(fs.readFileSync(pinFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(pinFile, JSON.stringify({ ...pin, commit: 'main', anchorableModules: [] }));
    const run = runScript('scripts/ingest.ts', ['--quiet'], env, 20_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('upstream.json is invalid: commit: expected a string matching /^[0-9a-f]{40}$/; anchorableModules: expected at least one item');
  });

  it('stops with a clear error, and without waiting on its parsing threads, when the source is missing', () => {
    const { env } = projectWithTree();
    const run = runScript('scripts/ingest.ts', ['--quiet'], { ...env, ROCKETMQ_SRC: path.join(env.ROCKETMQ_SRC!, 'nowhere') }, 20_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ROCKETMQ_SRC=.*nowhere does not exist/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
