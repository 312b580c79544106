import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../../helpers/cli';
import { makeTempDir, removeTempDirs, writeTree } from '../../helpers/temp';

afterAll(removeTempDirs);

/*
 * The script as a user runs it (npm run upstream is node scripts/launch.mjs upstream). None of
 * these cases gets as far as a route that would use the network.
 */
function upstream(args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env };
  delete base.ROCKETMQ_LEARNING_ROOT;
  delete base.ROCKETMQ_SRC;
  return runScript('scripts/upstream.ts', args, { ...base, ...env });
}

function expectUsableError(stderr: string) {
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines.filter((line) => line.startsWith('error: '))).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines.some((line) => /^\s+at\s/.test(line))).toBe(false);
  expect(stderr).not.toContain('internal error');
  return lines;
}

describe('npm run upstream', () => {
  it('reports a bad ROCKETMQ_SRC in one error line and a hint, with exit code 1', () => {
    const missing = path.join(makeTempDir('cli'), 'nowhere');
    const run = upstream([], { ROCKETMQ_SRC: missing });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = expectUsableError(run.stderr);
    expect(lines[0]).toBe(`error: ROCKETMQ_SRC=${missing} does not exist`);
    expect(lines[1]).toMatch(/^ {2}hint: /);
  });

  it('prints the tree it finds for a good ROCKETMQ_SRC, with --json on request', () => {
    const tree = makeTempDir('cli-tree');
    writeTree(tree, { 'a/A.java': 'class A {}\n' });
    const plain = upstream([], { ROCKETMQ_SRC: tree });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(`${tree}\n`);
    const json = upstream(['--json'], { ROCKETMQ_SRC: tree });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ root: tree, route: 'env', commit: null });
  });

  it('exits 2 on a release name that is not one', () => {
    const run = upstream(['--version', 'nonsense!']);
    expect(run.code).toBe(2);
    expect(expectUsableError(run.stderr)[0]).toBe(`error: 'nonsense!' is not a RocketMQ release`);
  });

  it('exits 2 on an unknown flag and shows the usage', () => {
    const run = upstream(['--bogus']);
    expect(run.code).toBe(2);
    const lines = expectUsableError(run.stderr);
    expect(lines[0]).toBe('error: unknown option --bogus');
    expect(run.stderr).toContain('usage: npm run upstream');
  });

  it('exits 2 on an unknown route', () => {
    const run = upstream(['--route', 'carrier-pigeon']);
    expect(run.code).toBe(2);
    expect(expectUsableError(run.stderr)[0]).toBe('error: unknown route carrier-pigeon');
  });
});
