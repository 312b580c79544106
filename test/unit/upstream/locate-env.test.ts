import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../lib/cli/errors';
import { locateUpstream } from '../../../lib/upstream';
import { pinnedRelease } from '../../helpers/upstream';
import { makeTempDir, removeTempDirs, writeTree } from '../../helpers/temp';

afterAll(removeTempDirs);

/** Locates with ROCKETMQ_SRC only, collecting what would go to stderr. */
async function locateWithSrc(value: string, extra: { release?: string; only?: 'env' | 'maven' } = {}) {
  const lines: string[] = [];
  const source = await locateUpstream({ env: { NODE_ENV: 'test', ROCKETMQ_SRC: value }, log: (line) => lines.push(line), ...extra });
  return { source, lines };
}

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('locateUpstream with ROCKETMQ_SRC', () => {
  it('names ROCKETMQ_SRC when it points nowhere, with a hint and exit code 1', async () => {
    const missing = path.join(makeTempDir('missing'), 'not-there');
    const error = await rejection(locateWithSrc(missing));
    expect(error.message).toContain('ROCKETMQ_SRC');
    expect(error.message).toContain('does not exist');
    expect(error.hint).toMatch(/ROCKETMQ_SRC/);
    expect(error.exitCode).toBe(1);
  });

  it('refuses a file that is not a folder', async () => {
    const dir = makeTempDir('file');
    writeTree(dir, { 'Single.java': 'class Single {}\n' });
    const error = await rejection(locateWithSrc(path.join(dir, 'Single.java')));
    expect(error.message).toMatch(/ROCKETMQ_SRC=.*is not a folder/);
  });

  it('refuses a folder with no Java file, and does not look inside hidden folders', async () => {
    const dir = makeTempDir('no-java');
    writeTree(dir, { 'README.md': '# not java\n', 'docs/a/b/notes.txt': 'x\n', '.hidden/Secret.java': 'class Secret {}\n' });
    const error = await rejection(locateWithSrc(dir));
    expect(error.message).toMatch(/ROCKETMQ_SRC=.*contains no \.java files/);
  });

  it('accepts a folder with a Java file deep inside, as route env of the pinned release', async () => {
    const dir = makeTempDir('deep');
    writeTree(dir, { 'store/src/main/java/org/example/deep/Deep.java': 'package org.example.deep;\nclass Deep {}\n' });
    const { source, lines } = await locateWithSrc(dir);
    const pin = pinnedRelease();
    expect(source).toMatchObject({ route: 'env', root: path.resolve(dir), tag: pin.tag, version: pin.version, commit: null });
    expect(source.gaps).toBeUndefined();
    expect(lines).toEqual([`upstream: ${pin.tag} from ${source.description}`]);
    expect(source.description).toContain(`ROCKETMQ_SRC=${path.resolve(dir)}`);
  });

  it('reports the commit of a git checkout', async () => {
    const dir = makeTempDir('git');
    writeTree(dir, { 'src/A.java': 'class A {}\n' });
    const git = (...args: string[]) => spawnSync('git', ['-C', dir, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { encoding: 'utf8' });
    expect(git('init', '-q').status).toBe(0);
    expect(git('add', '.').status).toBe(0);
    expect(git('commit', '-q', '-m', 'one').status).toBe(0);
    const head = git('rev-parse', 'HEAD').stdout.trim();
    const { source } = await locateWithSrc(dir);
    expect(source.commit).toBe(head);
    expect(source.description).toContain(head.slice(0, 10));
    expect(fs.existsSync(path.join(dir, '.git'))).toBe(true);
  });

  it('treats an empty ROCKETMQ_SRC as unset, and applies it to the pinned release only', async () => {
    const empty = await rejection(locateUpstream({ env: { NODE_ENV: 'test', ROCKETMQ_SRC: '' }, only: 'env', log: () => {} }));
    expect(empty.exitCode).toBe(2);
    const dir = makeTempDir('other-release');
    writeTree(dir, { 'A.java': 'class A {}\n' });
    const other = await rejection(locateWithSrc(dir, { release: '5.3.2', only: 'env' }));
    expect(other.message).toContain('rocketmq-all-5.3.2');
    expect(other.exitCode).toBe(2);
  });
});
