import fs from 'node:fs';
import path from 'node:path';
import { exec } from '../cli/exec';
import { gitHead, gitResolve, quietGit } from './git';
import { releaseCacheDir } from './cache-layout';
import { submoduleDir } from './route-submodule';
import type { Log, RouteResult } from './types';

/**
 * Another release (or any commit), exported from the submodule's own history when that history
 * has it (a full clone does; the default shallow clone usually does not).
 */
export async function fromSubmoduleHistory(tag: string, version: string, log: Log): Promise<RouteResult> {
  const miss = (reason: string): RouteResult => ({ ok: false, miss: { route: 'git-tag', reason } });
  const repo = submoduleDir();
  if (!(await gitHead(repo))) return miss('upstream/ is not checked out');
  const commit = await gitResolve(repo, tag);
  if (!commit) return miss(`upstream/ has no ${/^[0-9a-f]{7,40}$/.test(tag) ? 'commit' : 'tag'} ${tag} in its history`);

  const target = path.join(releaseCacheDir(tag), 'git-src');
  const stampFile = path.join(target, '.rocketmq-learning-commit');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === commit) {
    return { ok: true, source: { root: target, route: 'git-tag', tag, version, commit, description: `${tag} exported from upstream/ history (cached)` } };
  }

  log(`upstream: exporting ${tag} (${commit.slice(0, 10)}) from upstream/ history …`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const archive = path.join(releaseCacheDir(tag), 'export.tar');
  const tar = await exec('git', ['-C', repo, 'archive', '--format=tar', '-o', archive, commit], { env: quietGit });
  if (tar.code !== 0) return miss(`git archive failed: ${tar.stderr.trim()}`);
  const untar = await exec('tar', ['-xf', archive, '-C', partial]);
  fs.rmSync(archive, { force: true });
  if (untar.code !== 0) return miss(`unpacking the export failed: ${untar.stderr.trim()}`);
  fs.writeFileSync(path.join(partial, '.rocketmq-learning-commit'), commit + '\n');
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(partial, target);
  return { ok: true, source: { root: target, route: 'git-tag', tag, version, commit, description: `${tag} exported from upstream/ history` } };
}
