import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CODE_ROOT, freshBundle } from '../../../lib/build/bundle.mjs';
import { makeTempDir, removeTempDirs } from '../../helpers/temp';

afterEach(() => removeTempDirs());

describe('scripts/launch.mjs', () => {
  it('names the scripts it knows when asked for one it does not, and exits with 2', () => {
    const run = spawnSync(process.execPath, ['scripts/launch.mjs', 'no-such-script'], { cwd: CODE_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no script "no-such-script" in scripts/');
    expect(run.stderr).toMatch(/known: .*ingest/);
  });

  it('passes the script its own arguments', () => {
    const run = spawnSync(process.execPath, ['scripts/launch.mjs', 'ingest', '--help'], { cwd: CODE_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run ingest/);
  });
});

describe('freshBundle', () => {
  it('builds once, reuses the bundle while its sources are unchanged, and rebuilds after an edit', async () => {
    const dir = makeTempDir('bundle-src');
    const entry = path.join(dir, 'entry.ts');
    const helper = path.join(dir, 'helper.ts');
    fs.writeFileSync(helper, 'export const word: string = "first";\n');
    fs.writeFileSync(entry, 'import { word } from "./helper";\nexport const where = import.meta.url;\nexport default word;\n');
    const name = `test-${process.pid}-${Date.now()}.mjs`;
    try {
      const file = await freshBundle(entry, name);
      const first = (await import(`${file}?1`)) as { default: string; where: string };
      expect(first.default).toBe('first');
      // A module keeps its own location inside the bundle.
      expect(first.where).toBe(pathToFileURL(entry).href);
      const builtAt = fs.statSync(file).mtimeMs;

      await freshBundle(entry, name);
      expect(fs.statSync(file).mtimeMs).toBe(builtAt);

      fs.writeFileSync(helper, 'export const word: string = "second";\n');
      const later = new Date(Date.now() + 2000);
      fs.utimesSync(helper, later, later);
      await freshBundle(entry, name);
      expect(((await import(`${file}?2`)) as { default: string }).default).toBe('second');
    } finally {
      const file = path.join(CODE_ROOT, '.cache', 'build', name);
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}.inputs.json`, { force: true });
    }
  });
});
