import { spawn } from 'node:child_process';
import path from 'node:path';
import { UserError } from './errors';

/**
 * Runs a tool from node_modules/.bin with inherited output, forwarding Ctrl-C; resolves on success
 * (or when the user interrupted it), rejects with a user error otherwise.
 */
export function runTool(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    // `node` is this very Node.js; anything else is a tool installed in node_modules/.bin.
    const executable = command === 'node' ? process.execPath : path.join(cwd, 'node_modules', '.bin', command);
    const child = spawn(executable, args, { cwd, stdio: 'inherit', env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = () => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
    };
    child.on('error', (error) => {
      done();
      reject(new UserError(`cannot run ${command}: ${error.message}`, { hint: 'run npm ci first' }));
    });
    child.on('exit', (code, signal) => {
      done();
      if (code === 0 || signal === 'SIGINT' || signal === 'SIGTERM') resolve();
      else reject(new UserError(`${command} ${args.join(' ')} failed (exit ${code ?? signal})`));
    });
  });
}
