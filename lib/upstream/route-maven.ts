import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { releaseCacheDir } from './cache-layout';
import { checkJar, unpackSourcesJar } from './jar';
import { mavenCopy, modulesOfPom } from './maven';
import type { Pin } from './pin';
import { checkShape, type Shape } from './shape';
import type { Log, RouteResult, SourceGaps, UpstreamSource } from './types';

/** What the cache records about the jars it holds. */
interface Manifest {
  tag: string;
  version: string;
  modules: Array<{ module: string; jar: string; sha256: string; files: number }>;
  modulesWithoutSources: string[];
}

const MANIFEST_SHAPE: Shape = {
  tag: 'string',
  version: 'string',
  modules: [{ module: 'string', jar: 'string', sha256: 'string', files: 'number' }],
  modulesWithoutSources: ['string'],
};

const ONLY_IN_CHECKOUT = [
  'tests (src/test/)',
  'build files (pom.xml, BUILD.bazel)',
  'docs/, distribution/ scripts and configuration, dev/ and style/',
];
const PARALLEL_DOWNLOADS = 3;

/**
 * The release's per-module -sources.jar files, fetched with mvn and unpacked into the cache
 * like the repository. A complete cache whose jars still match their recorded SHA-256 is used
 * without touching the network; a jar that no longer matches is fetched again.
 */
export async function fromMaven(pin: Pin, tag: string, version: string, commit: string | null, log: Log): Promise<RouteResult> {
  const dir = releaseCacheDir(tag);
  const jarsDir = path.join(dir, 'jars');
  const srcDir = path.join(dir, 'src');
  const manifestFile = path.join(dir, 'manifest.json');
  const miss = (reason: string): RouteResult => ({ ok: false, miss: { route: 'maven', reason } });

  const cached = readManifest(manifestFile);
  if (cached && fs.existsSync(srcDir)) {
    const damaged = cached.modules.filter((m) => sha256(path.join(jarsDir, m.jar)) !== m.sha256);
    if (damaged.length === 0) return { ok: true, source: source(srcDir, tag, version, commit, cached, true) };
    log(`upstream: ${damaged.map((m) => m.jar).join(', ')} in the cache ${damaged.length === 1 ? 'is' : 'are'} damaged; fetching again`);
  }

  fs.mkdirSync(jarsDir, { recursive: true });
  const parent = `${pin.maven.groupId}:${pin.maven.parentArtifactId}:${version}:pom`;
  log(`upstream: asking Maven for ${parent} (its module list) …`);
  const pomFetch = await mavenCopy(parent, jarsDir);
  if (!pomFetch.ok) {
    return miss(pomFetch.kind === 'not-found' ? `Maven has no release ${version} (${parent} not found)` : pomFetch.reason);
  }
  const pomFile = path.join(jarsDir, `${pin.maven.parentArtifactId}-${version}.pom`);
  const modules = modulesOfPom(fs.readFileSync(pomFile, 'utf8'));
  if (modules.length === 0) return miss(`${path.basename(pomFile)} lists no modules`);

  const fetched: Array<{ module: string; jar: string }> = [];
  const withoutSources: string[] = [];
  let finished = 0;
  let failure: string | null = null;
  const queue = [...modules];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined && !failure; name = queue.shift()) {
      const artifactId = pin.maven.modulePrefix + name;
      const jar = `${artifactId}-${version}-sources.jar`;
      const result = await fetchVerified(`${pin.maven.groupId}:${artifactId}:${version}:jar:sources`, path.join(jarsDir, jar), jarsDir);
      finished++;
      const counter = `[${String(finished).padStart(String(modules.length).length)}/${modules.length}]`;
      if (result.ok) {
        fetched.push({ module: name, jar });
        log(`upstream: ${counter} ${jar} ${kib(path.join(jarsDir, jar))}`);
      } else if (result.kind === 'not-found') {
        withoutSources.push(name);
        log(`upstream: ${counter} ${artifactId} publishes no sources jar`);
      } else {
        failure = result.reason;
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
  if (failure) return miss(failure);
  if (fetched.length === 0) return miss(`no module of ${version} publishes a sources jar`);

  const partial = `${srcDir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  const manifest: Manifest = { tag, version, modules: [], modulesWithoutSources: withoutSources.sort() };
  for (const { module, jar } of fetched.sort((a, b) => a.module.localeCompare(b.module))) {
    const jarPath = path.join(jarsDir, jar);
    const files = await unpackSourcesJar(jarPath, module, partial);
    manifest.modules.push({ module, jar, sha256: sha256(jarPath) ?? '', files });
  }
  fs.rmSync(srcDir, { recursive: true, force: true });
  fs.renameSync(partial, srcDir);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  const total = manifest.modules.reduce((sum, m) => sum + m.files, 0);
  log(`upstream: unpacked ${total} files from ${manifest.modules.length} sources jars into ${path.relative(process.cwd(), srcDir) || srcDir}`);
  return { ok: true, source: source(srcDir, tag, version, commit, manifest, false) };
}

/** Fetches a jar and proves it opens; a damaged copy is removed and fetched once more. */
async function fetchVerified(artifact: string, jarPath: string, jarsDir: string) {
  for (let attempt = 1; ; attempt++) {
    const result = await mavenCopy(artifact, jarsDir);
    if (!result.ok) return result;
    try {
      await checkJar(jarPath);
      return result;
    } catch (error) {
      fs.rmSync(jarPath, { force: true });
      if (attempt === 2) {
        return {
          ok: false as const,
          kind: 'failed' as const,
          reason: `${path.basename(jarPath)} is damaged (${(error as Error).message}) even after fetching it again; delete its folder in your local Maven repository and retry`,
        };
      }
    }
  }
}

function source(root: string, tag: string, version: string, commit: string | null, manifest: Manifest, fromCache: boolean): UpstreamSource {
  const gaps: SourceGaps = { modulesWithoutSources: manifest.modulesWithoutSources, onlyInCheckout: ONLY_IN_CHECKOUT };
  return {
    root,
    route: 'maven',
    tag,
    version,
    commit,
    description: `${manifest.modules.length} Maven sources jars of ${version}${fromCache ? ' (cached)' : ''}`,
    gaps,
  };
}

function readManifest(file: string): Manifest | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return checkShape(parsed, MANIFEST_SHAPE).length === 0 ? (parsed as Manifest) : null;
  } catch {
    return null;
  }
}

function sha256(file: string): string | null {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

function kib(file: string): string {
  return `${Math.round(fs.statSync(file).size / 1024)} KiB`;
}
