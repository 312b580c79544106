import { UserError } from '../cli/errors';
import { fromEnv } from './route-env';
import { fromMaven } from './route-maven';
import { fromInitializedSubmodule, initSubmodule } from './route-submodule';
import { fromSubmoduleHistory } from './route-git-tag';
import { loadPin, normalizeRelease } from './pin';
import type { Log, RouteMiss, RouteResult, UpstreamRoute, UpstreamSource } from './types';

export interface LocateOptions {
  /** Another release than the pinned one (`5.3.2` or `rocketmq-all-5.3.2`). */
  release?: string;
  /** Where progress and decisions are reported; stderr by default. */
  log?: Log;
  /** Defaults to process.env; tests pass their own. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Use only this route (for diagnosis and for tests that compare routes). */
  only?: UpstreamRoute;
}

/**
 * Finds (and if need be fetches) the RocketMQ source tree. For the pinned release the order is:
 * ROCKETMQ_SRC, the checked-out submodule, `git submodule update --init --depth 1`, then the
 * release's Maven sources jars. Another release comes from the submodule's history or Maven.
 */
export async function locateUpstream(options: LocateOptions = {}): Promise<UpstreamSource> {
  const pin = loadPin();
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const env = options.env ?? process.env;
  const release = options.release ? normalizeRelease(options.release, pin) : { tag: pin.tag, version: pin.version };
  const pinned = release.version === pin.version;

  const routes: Array<[UpstreamRoute, () => Promise<RouteResult>]> = pinned
    ? [
        ['submodule', () => fromInitializedSubmodule(pin, log)],
        ['submodule-init', () => initSubmodule(pin, log)],
        ['maven', () => fromMaven(pin, pin.tag, pin.version, pin.commit, log)],
      ]
    : [
        ['git-tag', () => fromSubmoduleHistory(release.tag, release.version, log)],
        ['maven', () => fromMaven(pin, release.tag, release.version, null, log)],
      ];
  const attempts = routes.filter(([route]) => !options.only || options.only === route).map(([, attempt]) => attempt);

  const envValue = env.ROCKETMQ_SRC;
  const useEnv = pinned && envValue !== undefined && envValue !== '' && (!options.only || options.only === 'env');
  if (useEnv) return announce(await fromEnv(envValue, pin), log);
  if (attempts.length === 0) {
    throw new UserError(`route ${options.only} cannot provide ${release.tag}`, { exitCode: 2 });
  }

  const misses: RouteMiss[] = [];
  for (const attempt of attempts) {
    const result = await attempt();
    if (result.ok) return announce(result.source, log);
    misses.push(result.miss);
    log(`upstream: ${result.miss.route}: ${result.miss.reason}`);
  }
  throw noRouteError(release.tag, pinned, misses);
}

/** A commit of the upstream history (`--to <commit>` when re-anchoring); only the submodule's history has it. */
export async function locateCommit(commit: string, log: Log = (line) => process.stderr.write(line + '\n')): Promise<UpstreamSource> {
  const result = await fromSubmoduleHistory(commit, commit, log);
  if (result.ok) return announce(result.source, log);
  throw new UserError(`cannot obtain commit ${commit}: ${result.miss.reason}`, {
    hint: 'fetch the full history into upstream/ (git -C upstream fetch --unshallow), or pass a release tag or a folder instead',
  });
}

function announce(source: UpstreamSource, log: Log): UpstreamSource {
  log(`upstream: ${source.tag} from ${source.description}`);
  return source;
}

function noRouteError(tag: string, pinned: boolean, misses: RouteMiss[]): UserError {
  const unknownRelease = misses.find((m) => m.route === 'maven' && m.reason.startsWith('Maven has no release'));
  if (!pinned && unknownRelease) {
    return new UserError(`unknown release ${tag}: ${unknownRelease.reason}`, {
      hint: 'name a published RocketMQ release, e.g. --version 5.3.2',
      exitCode: 2,
    });
  }
  const tried = misses.map((m) => `${m.route}: ${m.reason}`).join('; ');
  return new UserError(`could not obtain the RocketMQ source for ${tag} (${tried})`, {
    hint: [
      'any one of these fixes it:',
      '    export ROCKETMQ_SRC=/path/to/a/rocketmq/checkout',
      '    git submodule update --init --depth 1 upstream   (needs access to GitHub)',
      '    install Maven (mvn) with access to Maven Central or a mirror of it, then run npm run upstream',
    ].join('\n'),
  });
}
