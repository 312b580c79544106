import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureBuild, SCREENSHOT_DIR, startServer } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production server of this run answers, e.g. http://127.0.0.1:41234 */
    baseURL: string;
  }
}

/**
 * Once per run: make sure the production build is current (the same preparation `npm start`
 * does), then serve it with `next start` on a free port in its own process group. The tests get
 * the address with inject('baseURL'); the group is stopped when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  await ensureBuild();
  const server = await startServer();
  process.stderr.write(`browser tests: next start at ${server.url} (pid ${server.pid})\n`);
  project.provide('baseURL', server.url);
  return async () => {
    await server.stop();
  };
}
