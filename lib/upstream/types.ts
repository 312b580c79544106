/** How the source tree was obtained, in the order the locator tries them. */
export type UpstreamRoute =
  | 'env' // ROCKETMQ_SRC: any local checkout or unpacked tree
  | 'submodule' // upstream/ was already checked out
  | 'submodule-init' // upstream/ was checked out just now with `git submodule update`
  | 'git-tag' // another release exported from the submodule's history
  | 'maven'; // the release's per-module -sources.jar files, unpacked into the cache

export interface UpstreamSource {
  /** Absolute path of a tree laid out like the repository (`store/src/main/java/...`). */
  root: string;
  route: UpstreamRoute;
  tag: string;
  version: string;
  /** The commit the tree is at, when it is known (always known for the pinned release). */
  commit: string | null;
  /** One line for humans: where the tree came from. */
  description: string;
  /** What the tree lacks compared with a full checkout (only for the Maven route). */
  gaps?: SourceGaps;
}

export interface SourceGaps {
  /** Modules of the release that publish no -sources.jar. */
  modulesWithoutSources: string[];
  /** Kinds of files that only a git checkout has. */
  onlyInCheckout: string[];
}

/** A route that could not be used, and why, for the final message when every route fails. */
export interface RouteMiss {
  route: UpstreamRoute;
  reason: string;
}

export type RouteResult = { ok: true; source: UpstreamSource } | { ok: false; miss: RouteMiss };

export type Log = (line: string) => void;
