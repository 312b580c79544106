import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { runMain } from '../lib/cli/run';
import { EDITOR_SCHEMAS } from '../lib/content/schema';
import { projectRoot } from '../lib/paths';

const USAGE = `usage: npm run schema [-- --check]

Writes schema/<name>.schema.json for every content format, from lib/content/schema.ts (the one
definition of the formats). Editors that read the yaml-language-server comment use these files.

  --check  write nothing; exit 1 if a file is missing or out of date`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const check = process.argv.includes('--check');
  const folder = path.join(projectRoot(), 'schema');
  fs.mkdirSync(folder, { recursive: true });
  const stale: string[] = [];
  for (const [name, { schema, describes }] of Object.entries(EDITOR_SCHEMAS)) {
    const file = path.join(folder, `${name}.schema.json`);
    const json = { ...z.toJSONSchema(schema, { target: 'draft-7' }), $id: `${name}.schema.json`, title: `RocketMQ Learning: ${describes}` };
    const text = JSON.stringify(json, null, 2) + '\n';
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (current === text) continue;
    if (check) stale.push(path.relative(projectRoot(), file));
    else fs.writeFileSync(file, text);
  }
  if (stale.length > 0) {
    process.stderr.write(`error: out of date: ${stale.join(', ')}\n  hint: run npm run schema and commit the result\n`);
    return 1;
  }
  process.stdout.write(check ? 'schema: up to date\n' : `schema: wrote ${Object.keys(EDITOR_SCHEMAS).length} files to schema/\n`);
  return 0;
});
