import fs from 'node:fs';
import path from 'node:path';
import { exec } from '../cli/exec';

const quietGit = { ...process.env, GIT_TERMINAL_PROMPT: '0' };

/** The commit checked out in `dir` when it is the top of a git work tree, otherwise null. */
export async function gitHead(dir: string): Promise<string | null> {
  if (!fs.existsSync(path.join(dir, '.git'))) return null;
  const result = await exec('git', ['-C', dir, 'rev-parse', 'HEAD'], { env: quietGit });
  return result.code === 0 ? result.stdout.trim() : null;
}

/** The commit a tag or commit-ish names in the repository at `dir`, or null when unknown there. */
export async function gitResolve(dir: string, ref: string): Promise<string | null> {
  const result = await exec('git', ['-C', dir, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { env: quietGit });
  return result.code === 0 ? result.stdout.trim() : null;
}

export { quietGit };
