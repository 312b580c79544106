import path from 'node:path';

/**
 * The project's root folder. Scripts run through npm and the Next.js server both start there;
 * ROCKETMQ_LEARNING_ROOT overrides it for tests that work on a copy.
 */
export function projectRoot(): string {
  return path.resolve(process.env.ROCKETMQ_LEARNING_ROOT ?? process.cwd());
}

/** Everything the tooling generates lives under these two gitignored folders. */
export function cacheDir(): string {
  return path.join(projectRoot(), '.cache');
}

export function dataDir(): string {
  return path.join(projectRoot(), '.data');
}
