// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/*
 * Command-line scripts and the parsing threads run from one-file esbuild bundles of their
 * TypeScript, not through the tsx loader: tsx answers every import through a loader thread and
 * makes each start take about a third of a second, and a worker thread would have to register it
 * again. A bundle is rebuilt only when one of its sources (or this file) changed since it was
 * written, which takes well under a second; otherwise using it costs a few file stats.
 *
 * This file is plain JavaScript because the launcher imports it before any TypeScript can run.
 */

/** The folder of this checkout's code, which holds node_modules; bundles live under it. */
export const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);

/**
 * The path of a fresh bundle of `entry` (an absolute .ts path), building it when needed.
 * @param {string} entry
 * @param {string} name file name of the bundle under .cache/build/
 * @returns {Promise<string>}
 */
export async function freshBundle(entry, name) {
  const outfile = path.join(CODE_ROOT, '.cache', 'build', name);
  const inputsFile = `${outfile}.inputs.json`;
  if (isFresh(outfile, inputsFile)) return outfile;
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages are imported from node_modules at run time, which is why bundles sit under CODE_ROOT.
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    write: false,
    plugins: [sourceLocations],
  });
  const code = result.outputFiles.find((file) => file.path === path.resolve(outfile));
  if (!code) throw new Error(`esbuild did not produce ${outfile}`);
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  // Written beside and renamed, so a process starting meanwhile never reads half a file.
  const partial = `${outfile}.${process.pid}.partial`;
  fs.writeFileSync(partial, code.contents);
  fs.renameSync(partial, outfile);
  const inputs = [THIS_FILE, ...Object.keys(result.metafile.inputs).map((input) => path.resolve(input))];
  fs.writeFileSync(inputsFile, JSON.stringify(inputs));
  return outfile;
}

/**
 * In a bundle every module would share the bundle's `import.meta.url`; modules that find files
 * next to themselves (the grammar, the extraction sources) keep their own location instead.
 * @type {import('esbuild').Plugin}
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.(tsx?|mjs)$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: args.path.endsWith('.mjs') ? 'js' : args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/**
 * @param {string} outfile
 * @param {string} inputsFile
 */
function isFresh(outfile, inputsFile) {
  try {
    const built = fs.statSync(outfile).mtimeMs;
    const inputs = /** @type {string[]} */ (JSON.parse(fs.readFileSync(inputsFile, 'utf8')));
    return inputs.every((input) => fs.statSync(input).mtimeMs <= built);
  } catch {
    return false;
  }
}
