import { exec } from '../cli/exec';

export type MavenFetch =
  | { ok: true }
  | { ok: false; kind: 'not-found' | 'no-mvn' | 'failed'; reason: string };

/**
 * Copies one artifact into `outputDirectory` with the machine's own Maven, so its settings
 * (mirrors, proxies, local repository) apply; no registry is named here.
 */
export async function mavenCopy(artifact: string, outputDirectory: string): Promise<MavenFetch> {
  const result = await exec(
    'mvn',
    [
      '-B',
      '-q',
      '--no-transfer-progress',
      'dependency:copy',
      `-Dartifact=${artifact}`,
      `-DoutputDirectory=${outputDirectory}`,
      '-Dmdep.overWriteReleases=true',
      '-Dmdep.useBaseVersion=true',
    ],
    { timeoutMs: 10 * 60_000 },
  );
  if (result.spawnError) {
    return { ok: false, kind: 'no-mvn', reason: `mvn is not installed or not on PATH (${result.spawnError.code ?? result.spawnError.message})` };
  }
  if (result.timedOut) return { ok: false, kind: 'failed', reason: `mvn took longer than 10 minutes for ${artifact}` };
  if (result.code === 0) return { ok: true };
  const output = result.stdout + result.stderr;
  if (/Could not find artifact|was not found in/.test(output)) {
    return { ok: false, kind: 'not-found', reason: `${artifact} is not published` };
  }
  return { ok: false, kind: 'failed', reason: `mvn could not fetch ${artifact}: ${firstError(output)}` };
}

function firstError(output: string): string {
  const line = output
    .split(/\r?\n/)
    .map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trim())
    .find((l) => l.startsWith('[ERROR]') && l.length > 8);
  return (line ?? output.trim().split('\n').at(-1) ?? 'unknown error').replace(/^\[ERROR\]\s*/, '').slice(0, 400);
}

/** The `<module>` names of a parent POM, in order, without duplicates. */
export function modulesOfPom(pom: string): string[] {
  const withoutComments = pom.replace(/<!--[\s\S]*?-->/g, '');
  const names = [...withoutComments.matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((n) => n && !n.includes('/')))];
}
