#!/usr/bin/env node
// Runs a command-line script, `node scripts/launch.mjs <name> [args]` for scripts/<name>.ts,
// from a bundle of its TypeScript (see lib/build/bundle.mjs for why). The script sees its own
// arguments in process.argv, as it would when run directly.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_ROOT, freshBundle } from '../lib/build/bundle.mjs';

const name = process.argv[2] ?? '';
const entry = path.join(CODE_ROOT, 'scripts', `${name}.ts`);
if (!/^[\w-]+$/.test(name) || !fs.existsSync(entry)) {
  const known = fs.readdirSync(path.join(CODE_ROOT, 'scripts')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
  process.stderr.write(`launch: no script ${JSON.stringify(name)} in scripts/; known: ${known.join(', ')}\n`);
  process.exit(2);
}
process.argv.splice(2, 1);
const bundle = await freshBundle(entry, path.join('scripts', `${name}.mjs`));
await import(pathToFileURL(bundle).href);
