export { locateCommit, locateUpstream, type LocateOptions } from './locate';
export { isAnchorable, loadPin, normalizeRelease, type Pin } from './pin';
export type { SourceGaps, UpstreamRoute, UpstreamSource } from './types';
