import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's top folder (where package.json and upstream.json are). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node --import tsx <script> <args>` from the project root, as `npm run` would. */
export function runScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): ScriptRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
