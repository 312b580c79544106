import fs from 'node:fs';
import path from 'node:path';
import { exec } from '../cli/exec';
import { projectRoot } from '../paths';
import { gitHead, quietGit } from './git';
import type { Pin } from './pin';
import type { Log, RouteResult } from './types';

export function submoduleDir(): string {
  return path.join(projectRoot(), 'upstream');
}

/** upstream/ is usable when git has checked something out there. */
export async function fromInitializedSubmodule(pin: Pin, log: Log): Promise<RouteResult> {
  const dir = submoduleDir();
  const commit = await gitHead(dir);
  if (!commit) return { ok: false, miss: { route: 'submodule', reason: 'upstream/ is not checked out' } };
  if (commit !== pin.commit) {
    log(`upstream: warning: upstream/ is at ${commit.slice(0, 10)}, not the pinned ${pin.commit.slice(0, 10)} (${pin.tag}); run \`git submodule update upstream\` to match the annotations`);
  }
  return {
    ok: true,
    source: {
      root: dir,
      route: 'submodule',
      tag: pin.tag,
      version: pin.version,
      commit,
      description: `submodule upstream/ at ${commit.slice(0, 10)}`,
    },
  };
}

/** Tries `git submodule update --init --depth 1`, which needs the submodule's remote to be reachable. */
export async function initSubmodule(pin: Pin, log: Log): Promise<RouteResult> {
  const root = projectRoot();
  const miss = (reason: string): RouteResult => ({ ok: false, miss: { route: 'submodule-init', reason } });
  if (!fs.existsSync(path.join(root, '.git'))) return miss('this folder is not a git clone');
  if (!fs.existsSync(path.join(root, '.gitmodules'))) return miss('.gitmodules is missing');

  log('upstream: running git submodule update --init --depth 1 upstream …');
  const result = await exec('git', ['-C', root, 'submodule', 'update', '--init', '--depth', '1', '--progress', 'upstream'], {
    env: quietGit,
    timeoutMs: 20 * 60_000,
    streamStderr: Boolean(process.stderr.isTTY),
  });
  if (result.spawnError) return miss(`git is not available (${result.spawnError.code ?? result.spawnError.message})`);
  if (result.timedOut) return miss('git submodule update took longer than 20 minutes');
  if (result.code !== 0) return miss(`git submodule update failed: ${lastMeaningfulLine(result.stderr)}`);

  const initialized = await fromInitializedSubmodule(pin, log);
  if (!initialized.ok) return miss('git submodule update succeeded but upstream/ is still empty');
  return { ok: true, source: { ...initialized.source, route: 'submodule-init' } };
}

function lastMeaningfulLine(text: string): string {
  const lines = text.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? 'no output';
}
