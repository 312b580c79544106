import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../cli/errors';
import { projectRoot } from '../paths';
import { checkShape, type Shape } from './shape';

/** The pinned release as `upstream.json` records it. */
export interface Pin {
  $comment?: string;
  /** Git URL of apache/rocketmq, the submodule remote. */
  repository: string;
  /** The release tag explained by this project. */
  tag: string;
  /** The Maven version of that release. */
  version: string;
  /** The commit the tag points at. */
  commit: string;
  /** Modules whose main Java sources every route provides; only they can be annotated. */
  anchorableModules: string[];
  maven: {
    groupId: string;
    /** The release's parent POM, whose <modules> list names every module. */
    parentArtifactId: string;
    /** Module folder `store` is published as artifact `<modulePrefix>store`. */
    modulePrefix: string;
  };
}

/*
 * Checked by hand rather than with zod: every command reads the pin first, and loading zod would
 * add a twentieth of a second to each of them.
 */
const PIN_SHAPE: Shape = {
  $comment: 'string?',
  repository: 'string',
  tag: 'string',
  version: 'string',
  commit: /^[0-9a-f]{40}$/,
  anchorableModules: ['string', 'non-empty'],
  maven: { groupId: 'string', parentArtifactId: 'string', modulePrefix: 'string' },
};

let cached: Pin | undefined;

/** The pinned upstream release, read from `upstream.json` (the only place it is written down). */
export function loadPin(): Pin {
  if (cached) return cached;
  const file = path.join(projectRoot(), 'upstream.json');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const problems = checkShape(raw, PIN_SHAPE);
  if (problems.length > 0) throw new UserError(`upstream.json is invalid: ${problems.join('; ')}`);
  cached = raw as Pin;
  return cached;
}

/** `rocketmq-all-5.3.2`, `5.3.2` and `v5.3.2` all name the release 5.3.2. */
export function normalizeRelease(input: string, pin: Pin = loadPin()): { tag: string; version: string } {
  const prefix = pin.tag.slice(0, pin.tag.length - pin.version.length);
  const version = input.startsWith(prefix) ? input.slice(prefix.length) : input.replace(/^v(?=\d)/, '');
  if (!/^\d+\.\d+\.\d+([.-][0-9A-Za-z.-]+)?$/.test(version)) {
    throw new UserError(`'${input}' is not a RocketMQ release`, {
      hint: `name a release like ${pin.version} or ${pin.tag}`,
      exitCode: 2,
    });
  }
  return { tag: prefix + version, version };
}

/** Whether annotations may anchor to this upstream path: main Java sources of modules every route provides. */
export function isAnchorable(upstreamPath: string, pin: Pin = loadPin()): boolean {
  const [module, src, main, java] = upstreamPath.split('/');
  return src === 'src' && main === 'main' && java === 'java' && upstreamPath.endsWith('.java') && pin.anchorableModules.includes(module ?? '');
}
