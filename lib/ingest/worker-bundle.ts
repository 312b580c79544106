import { fileURLToPath } from 'node:url';
import { freshBundle } from '../build/bundle.mjs';

/*
 * Worker threads do not inherit the TypeScript loader the scripts may run under, and registering
 * it in each thread costs almost half a second. So the worker runs from a bundle (see
 * lib/build/bundle.mjs), rebuilt only when one of its sources changes.
 */
const ENTRY = fileURLToPath(new URL('./parse-worker.ts', import.meta.url));

export function parseWorkerBundle(): Promise<string> {
  return freshBundle(ENTRY, 'parse-worker.mjs');
}
