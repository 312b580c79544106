import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { locateUpstream } from '../../lib/upstream';
import { mavenCopy } from '../../lib/upstream/maven';
import { PROJECT_ROOT } from '../helpers/cli';
import { listTree, makeTempDir, removeTempDirs, setEnv } from '../helpers/temp';
import { checkoutAtPin, commandExists, mavenCache, pinnedRelease } from '../helpers/upstream';

/*
 * The Maven route must deliver the same bytes as a checkout of the tag, for every file it has.
 * These tests use the cache `npm run upstream -- --route maven` fills, and the submodule when it is
 * checked out at the pinned commit; each part says why it is skipped when one of them is missing.
 */
const cache = mavenCache();
const checkout = checkoutAtPin();
const haveMvn = commandExists('mvn', ['--version']);
const why = (reasons: Array<[boolean, string]>) => reasons.filter(([missing]) => missing).map(([, reason]) => reason).join(', ');
const NO_CACHE = 'no Maven cache (run npm run upstream -- --route maven)';
const NO_CHECKOUT = 'upstream/ is not a checkout of the pinned commit';
for (const [skipped, reason] of [
  [!cache || !checkout, why([[!cache, NO_CACHE], [!checkout, NO_CHECKOUT]])],
  [!cache || !haveMvn, why([[!cache, NO_CACHE], [!haveMvn, 'mvn is not installed']])],
] as const) {
  if (skipped) process.stderr.write(`maven-route: some tests skipped: ${reason}\n`);
}

interface CacheManifest {
  modules: Array<{ module: string; jar: string; sha256: string; files: number }>;
  modulesWithoutSources: string[];
}

const readManifest = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as CacheManifest;
const sha1 = (text: string) => crypto.createHash('sha1').update(text).digest('hex');
const sha256File = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

afterAll(removeTempDirs);

describe.skipIf(!cache || !checkout)('the Maven cache against a checkout of the tag', () => {
  const manifest = cache ? readManifest(cache.manifest) : { modules: [], modulesWithoutSources: [] };
  const cached = cache ? listTree(cache.src) : [];

  it('has exactly the files of src/main/ of each module it unpacked', () => {
    const modules = manifest.modules.map((m) => m.module);
    const listed = spawnSync('git', ['-C', checkout ?? '', 'ls-files', '--', ...modules.map((m) => `${m}/src/main/`)], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    expect(cached).toEqual(listed.stdout.split('\n').filter(Boolean).sort());
    expect(manifest.modules.reduce((sum, m) => sum + m.files, 0)).toBe(cached.length);
  });

  it('has the same bytes as the checkout for a sample of 200 files', () => {
    // The sample is the 200 paths with the smallest SHA-1: the same every run, spread over modules.
    const sample = [...cached].sort((a, b) => (sha1(a) < sha1(b) ? -1 : 1)).slice(0, 200);
    expect(sample).toHaveLength(200);
    expect(new Set(sample.map((f) => f.split('/')[0])).size).toBeGreaterThan(5);
    const different = sample.filter((file) => !fs.readFileSync(path.join(cache!.src, file)).equals(fs.readFileSync(path.join(checkout!, file))));
    expect(different).toEqual([]);
  });

  it('unpacked the modules that may be annotated, and only those', () => {
    expect(manifest.modules.map((m) => m.module)).toEqual([...pinnedRelease().anchorableModules].sort());
  });
});

describe.skipIf(!cache)('the Maven route on an intact cache', () => {
  let restore: () => void = () => {};
  afterEach(() => restore());

  /** Puts a fake `mvn` first on PATH that records its arguments and fails. */
  function fakeMvn(): string {
    const bin = makeTempDir('fake-mvn');
    const record = path.join(bin, 'calls.txt');
    fs.writeFileSync(path.join(bin, 'mvn'), '#!/bin/sh\necho "$@" >> "$FAKE_MVN_RECORD"\nexit 1\n', { mode: 0o755 });
    restore = setEnv({ PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, FAKE_MVN_RECORD: record });
    return record;
  }

  it('reports the modules that publish no sources jar', async () => {
    const source = await locateUpstream({ only: 'maven', log: () => {} });
    expect(source.route).toBe('maven');
    expect(source.root).toBe(cache!.src);
    expect(source.commit).toBe(pinnedRelease().commit);
    expect(source.gaps?.modulesWithoutSources).toEqual(expect.arrayContaining(['example', 'test']));
    expect(source.gaps?.modulesWithoutSources).not.toContain('store');
  });

  it('does not run mvn again once the cache is complete', async () => {
    const record = fakeMvn();
    // The fake is the mvn the route would run: a direct call reaches it.
    const probe = await mavenCopy('org.example:probe:1.0', makeTempDir('probe'));
    expect(probe.ok).toBe(false);
    expect(fs.readFileSync(record, 'utf8')).toContain('-Dartifact=org.example:probe:1.0');
    fs.rmSync(record);

    const lines: string[] = [];
    for (let run = 0; run < 2; run++) {
      const source = await locateUpstream({ only: 'maven', log: (line) => lines.push(line) });
      expect(source.description).toContain('(cached)');
    }
    expect(fs.existsSync(record)).toBe(false);
    expect(lines.filter((line) => line.includes('damaged'))).toEqual([]);
  });
});

describe.skipIf(!cache || !haveMvn)('a damaged jar in a copy of the cache', () => {
  it('is detected and fetched again with mvn', { timeout: 20 * 60_000 }, async () => {
    const project = makeTempDir('maven-project');
    const tag = pinnedRelease().tag;
    const copy = path.join(project, '.cache', 'upstream', tag);
    fs.copyFileSync(path.join(PROJECT_ROOT, 'upstream.json'), path.join(project, 'upstream.json'));
    fs.cpSync(cache!.dir, copy, { recursive: true });
    const manifest = readManifest(path.join(copy, 'manifest.json'));
    const store = manifest.modules.find((m) => m.module === 'store')!;
    const jar = path.join(copy, 'jars', store.jar);
    const bytes = fs.readFileSync(jar);
    bytes.fill(0, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64);
    fs.writeFileSync(jar, bytes);
    expect(sha256File(jar)).not.toBe(store.sha256);

    const restore = setEnv({ ROCKETMQ_LEARNING_ROOT: project, ROCKETMQ_SRC: undefined });
    const lines: string[] = [];
    try {
      const source = await locateUpstream({ only: 'maven', log: (line) => lines.push(line) });
      expect(source.root).toBe(path.join(copy, 'src'));
      expect(source.description).not.toContain('(cached)');
    } finally {
      restore();
    }
    expect(lines.find((line) => line.includes('damaged'))).toContain(store.jar);
    expect(sha256File(jar)).toBe(store.sha256);
    expect(readManifest(path.join(copy, 'manifest.json')).modules.find((m) => m.module === 'store')?.sha256).toBe(store.sha256);
    expect(listTree(path.join(copy, 'src'))).toEqual(listTree(cache!.src));
  });
});
