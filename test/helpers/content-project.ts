import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceView } from '../../lib/content/source-view';
import { readIndex, type LoadedIndex } from '../../lib/index/read';
import { ingest } from '../../lib/ingest';
import type { UpstreamSource } from '../../lib/upstream';
import { PROJECT_ROOT } from './cli';
import { makeTempDir, setEnv } from './temp';

/** test/fixtures/content and test/fixtures/reanchor, wherever the repository is checked out. */
export const CONTENT_FIXTURES = fileURLToPath(new URL('../fixtures/content/', import.meta.url));
export const REANCHOR_FIXTURES = fileURLToPath(new URL('../fixtures/reanchor/', import.meta.url));

/** The small Java tree the content fixtures anchor to (store/src/main/java/org/example/store/Ledger.java ...). */
export const FIXTURE_SOURCE = path.join(CONTENT_FIXTURES, 'source');

export interface ContentProject {
  /** A temporary project folder: upstream.json, the content folder, the source tree and .data/. */
  root: string;
  /** The content folder, relative to root (what runCheck, fixCorpus and reanchor take). */
  contentRoot: string;
  index: LoadedIndex;
  view: SourceView;
}

export interface ContentProjectOptions {
  /** Folder copied to <root>/<contentRoot>; omitted for a project without content. */
  content?: string;
  /** Defaults to `annotations`. */
  contentRoot?: string;
  /** Source tree copied into the project and ingested; defaults to the content fixtures' source. */
  source?: string;
  /** Record the index as the current one (what `npm run check` reads). */
  makeCurrent?: boolean;
}

/**
 * A project in a temporary folder, the way the scripts see one: upstream.json, a copy of a content
 * folder and of a fixture source tree, and the tree ingested into <root>/.data. The environment
 * (ROCKETMQ_LEARNING_ROOT) is set only while ingesting and restored before returning.
 */
export async function createContentProject(options: ContentProjectOptions = {}): Promise<ContentProject> {
  const root = makeTempDir('content');
  fs.copyFileSync(path.join(PROJECT_ROOT, 'upstream.json'), path.join(root, 'upstream.json'));
  const contentRoot = options.contentRoot ?? 'annotations';
  if (options.content) copyTree(options.content, path.join(root, contentRoot));
  const { index, view } = await ingestTree(root, options.source ?? FIXTURE_SOURCE, { makeCurrent: options.makeCurrent ?? false });
  return { root, contentRoot, index, view };
}

/**
 * Copies a source tree into `<projectRoot>/sources/<label>` and ingests it into that project's
 * .data; each label gets its own index stamp. Returns the index and a view of it.
 */
export async function ingestTree(projectRoot: string, tree: string, options: { label?: string; makeCurrent?: boolean; tag?: string } = {}): Promise<{ index: LoadedIndex; view: SourceView }> {
  const copy = path.join(projectRoot, 'sources', options.label ?? 'main');
  copyTree(tree, copy);
  const tag = options.tag ?? 'rocketmq-all-0.0.0-test';
  const source: UpstreamSource = { root: copy, route: 'env', tag, version: tag.replace(/^rocketmq-all-/, ''), commit: null, description: `test tree ${path.basename(tree)}` };
  return ingestSource(projectRoot, source, { makeCurrent: options.makeCurrent ?? false });
}

/** Ingests an upstream source into the project's .data (ROCKETMQ_LEARNING_ROOT set only meanwhile). */
export async function ingestSource(projectRoot: string, source: UpstreamSource, options: { makeCurrent: boolean }): Promise<{ index: LoadedIndex; view: SourceView }> {
  const restore = setEnv({ ROCKETMQ_LEARNING_ROOT: projectRoot });
  try {
    const result = await ingest(source, { makeCurrent: options.makeCurrent, threads: 2 });
    const index = readIndex(result.stamp);
    if (!index) throw new Error(`index ${result.stamp} cannot be read right after ingest`);
    return { index, view: new SourceView(index) };
  } finally {
    restore();
  }
}

/** Copies a folder recursively (files and folders only). */
export function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  fs.cpSync(from, to, { recursive: true });
}

/** Every file under a folder as `relative path → text`, for before/after comparisons. */
export function readTreeTexts(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative);
      else if (entry.isFile()) out.set(relative, fs.readFileSync(path.join(dir, entry.name), 'utf8'));
    }
  };
  if (fs.existsSync(root)) walk(root, '');
  return out;
}
