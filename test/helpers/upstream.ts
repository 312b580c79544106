import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, projectRoot } from '../../lib/paths';
import { PROJECT_ROOT } from './cli';

/** The pinned release as upstream.json states it (read directly, so no module cache is involved). */
export interface PinnedRelease {
  tag: string;
  version: string;
  commit: string;
  /** Modules that publish a -sources.jar, so every route provides their main sources. */
  anchorableModules: string[];
}

export function pinnedRelease(): PinnedRelease {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'upstream.json'), 'utf8')) as PinnedRelease;
}

/**
 * Main sources of a module that publishes a sources jar. Facts the integration tests assert come
 * only from these files, so they hold whether the tree came from the submodule or from the jars.
 */
export function isPublishedMainSource(file: string): boolean {
  const [module, src, main] = file.split('/');
  return pinnedRelease().anchorableModules.includes(module ?? '') && src === 'src' && main === 'main';
}

/** The Maven route's cache of the pinned release (where lib/upstream looks), when it has been fetched. */
export function mavenCache(): { dir: string; src: string; manifest: string } | null {
  const dir = path.join(cacheDir(), 'upstream', pinnedRelease().tag);
  const src = path.join(dir, 'src');
  const manifest = path.join(dir, 'manifest.json');
  return fs.existsSync(src) && fs.existsSync(manifest) ? { dir, src, manifest } : null;
}

/** upstream/ when it is a git checkout of the pinned commit; null otherwise. */
export function checkoutAtPin(): string | null {
  const dir = path.join(projectRoot(), 'upstream');
  if (!fs.existsSync(path.join(dir, '.git'))) return null;
  const head = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' });
  return head.status === 0 && head.stdout.trim() === pinnedRelease().commit ? dir : null;
}

/** Whether a command can be started (it is on PATH). */
export function commandExists(command: string, versionArgs: readonly string[] = ['--version']): boolean {
  const probe = spawnSync(command, versionArgs, { stdio: 'ignore', timeout: 60_000 });
  return !probe.error;
}
