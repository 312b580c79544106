import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../cli/errors';
import { projectRoot } from '../paths';

const PinSchema = z.strictObject({
  $comment: z.string().optional(),
  repository: z.string().describe('Git URL of apache/rocketmq, the submodule remote.'),
  tag: z.string().describe('The release tag explained by this project.'),
  version: z.string().describe('The Maven version of that release.'),
  commit: z.string().regex(/^[0-9a-f]{40}$/).describe('The commit the tag points at.'),
  anchorableModules: z.array(z.string()).min(1).describe('Modules whose main Java sources every route provides; only they can be annotated.'),
  maven: z.strictObject({
    groupId: z.string(),
    parentArtifactId: z.string().describe('The release\'s parent POM, whose <modules> list names every module.'),
    modulePrefix: z.string().describe('Module folder `store` is published as artifact `<modulePrefix>store`.'),
  }),
});

export type Pin = z.infer<typeof PinSchema>;

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
  const parsed = PinSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UserError(`upstream.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  cached = parsed.data;
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
