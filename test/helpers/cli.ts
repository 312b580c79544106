import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's top folder (where package.json and upstream.json are). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/<name>.ts` with its arguments from the project root, the way its npm script does. */
export function runScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): ScriptRun {
  const name = /^scripts\/([\w-]+)\.ts$/.exec(script)?.[1];
  if (!name) throw new Error(`runScript runs scripts/<name>.ts, not ${script}`);
  const result = spawnSync(process.execPath, ['scripts/launch.mjs', name, ...args], {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
