import path from 'node:path';
import { cacheDir } from '../paths';

/**
 * Layout of the upstream cache (gitignored):
 *
 *   .cache/upstream/<tag>/jars/        the -sources.jar files as Maven delivered them
 *   .cache/upstream/<tag>/src/         those jars unpacked like the repository (store/src/main/java/...)
 *   .cache/upstream/<tag>/manifest.json  what was fetched, with a SHA-256 per jar
 *   .cache/upstream/<tag>/git-src/     a release exported from the submodule's history
 */
export function releaseCacheDir(tag: string): string {
  return path.join(cacheDir(), 'upstream', tag);
}
