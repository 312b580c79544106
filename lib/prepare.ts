import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SourceView } from './content/source-view';
import { readIndex } from './index/read';
import { ingest } from './ingest';
import { buildSite } from './site/build';
import { writeSiteData } from './site/write';
import { locateUpstream } from './upstream';

export interface Prepared {
  stamp: string;
  annotations: number;
}

/**
 * What the app needs before it can be built or served: the pinned source (fetched if missing), its
 * index, and the rendered content. Shared by `npm start`, `npm test` and the benchmarks.
 */
export async function prepare(root: string, log: (line: string) => void): Promise<Prepared> {
  const source = await locateUpstream();
  const indexed = await ingest(source, { makeCurrent: true, progress: true });
  log(`ingest: ${indexed.javaFiles} Java files, ${indexed.symbols} symbols${indexed.unchanged ? ' (unchanged)' : ` in ${indexed.seconds.toFixed(1)} s`}`);
  const index = readIndex(indexed.stamp);
  if (!index) throw new Error(`index ${indexed.stamp} unreadable right after ingest`);
  const site = buildSite(root, new SourceView(index));
  writeSiteData(site);
  log(`content: ${site.counts.notes} notes, ${site.counts.annotations} annotations, ${site.counts.tours} tours`);
  return { stamp: indexed.stamp, annotations: site.counts.annotations };
}

const BUILD_INPUTS = ['app', 'lib', 'annotations', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** Changes whenever the app's code, the content or the source index changes. */
export function buildStamp(root: string, indexStamp: string): string {
  const hash = crypto.createHash('sha1').update(indexStamp);
  const walk = (entry: string) => {
    const absolute = path.join(root, entry);
    const stat = fs.statSync(absolute, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(absolute).sort()) walk(path.join(entry, child));
    } else {
      hash.update(entry).update(fs.readFileSync(absolute));
    }
  };
  for (const entry of BUILD_INPUTS) walk(entry);
  return hash.digest('hex');
}

export function buildStampFile(root: string): string {
  return path.join(root, '.next', 'rocketmq-learning-build');
}

export function isBuildCurrent(root: string, stamp: string): boolean {
  try {
    return fs.readFileSync(buildStampFile(root), 'utf8') === stamp;
  } catch {
    return false;
  }
}
