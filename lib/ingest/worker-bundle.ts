import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Worker threads do not inherit the TypeScript loader the scripts run under, and registering it in
 * each thread costs almost half a second (it starts its own compiler). So the worker is bundled
 * once into plain JavaScript with esbuild and rebuilt only when one of its sources changes.
 */
const ENTRY = fileURLToPath(new URL('./parse-worker.ts', import.meta.url));
/*
 * The bundle imports its packages (web-tree-sitter, ...) by name, so it must sit where Node finds
 * this project's node_modules: under the project that holds this code, not under projectRoot(),
 * which ROCKETMQ_LEARNING_ROOT may move to a folder that has no node_modules.
 */
const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function parseWorkerBundle(): Promise<string> {
  const outfile = path.join(CODE_ROOT, '.cache', 'build', 'parse-worker.mjs');
  const inputsFile = `${outfile}.inputs.json`;
  if (isFresh(outfile, inputsFile)) return outfile;
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    write: false,
  });
  // Written beside and renamed, so a process starting a worker meanwhile never reads half a file.
  const code = result.outputFiles.find((file) => file.path === path.resolve(outfile));
  if (!code) throw new Error(`esbuild did not produce ${outfile}`);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const partial = `${outfile}.${process.pid}.partial`;
  fs.writeFileSync(partial, code.contents);
  fs.renameSync(partial, outfile);
  const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(input));
  fs.writeFileSync(inputsFile, JSON.stringify(inputs));
  return outfile;
}

function isFresh(outfile: string, inputsFile: string): boolean {
  try {
    const built = fs.statSync(outfile).mtimeMs;
    const inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8')) as string[];
    return inputs.every((input) => fs.statSync(input).mtimeMs <= built);
  } catch {
    return false;
  }
}
