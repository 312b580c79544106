import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import type { IndexedFile } from '../index/format';
import { currentStamp, readIndex, type LoadedIndex } from '../index/read';
import { decodeSource } from '../java/decode';
import { TYPE_KINDS } from '../java/types';
import { siteDataFile } from '../site/write';
import { SITE_FORMAT, type OutlineEntry, type SiteData } from '../site/types';

/**
 * The data a request reads: the site content and the source index, loaded once per server process
 * and reloaded when `npm run content` or `npm run ingest` writes new files. Requests never parse
 * Java or YAML; they look things up here.
 */
export interface Runtime {
  site: SiteData;
  index: LoadedIndex;
  filesByPath: Map<string, IndexedFile>;
  /** Structures built from the above on first use (search indexes, symbol tables ...). */
  derived: Map<string, unknown>;
}

/** A structure derived from the loaded data, built once per load (and again after a reload). */
export function derived<T>(key: string, build: (runtime: Runtime) => T): T {
  const current = runtime();
  if (!current.derived.has(key)) current.derived.set(key, build(current));
  return current.derived.get(key) as T;
}

let loaded: { runtime: Runtime; siteMtime: number; stamp: string } | undefined;

export function runtime(): Runtime {
  const siteFile = siteDataFile();
  const siteMtime = statMtime(siteFile);
  const stamp = currentStamp();
  if (loaded && loaded.siteMtime === siteMtime && loaded.stamp === stamp) return loaded.runtime;
  if (!stamp) throw new Error('No source index: run `npm run ingest` (npm start does it for you).');
  const index = readIndex(stamp);
  if (!index) throw new Error(`The source index ${stamp} is missing or outdated: run \`npm run ingest\`.`);
  let site: SiteData;
  try {
    site = JSON.parse(fs.readFileSync(siteFile, 'utf8')) as SiteData;
  } catch {
    throw new Error('No rendered content: run `npm run content` (npm start does it for you).');
  }
  if (site.format !== SITE_FORMAT || site.stamp !== stamp) throw new Error('The rendered content is out of date: run `npm run content`.');
  const runtimeValue: Runtime = { site, index, filesByPath: new Map(index.files.map((f) => [f.path, f])), derived: new Map() };
  loaded = { runtime: runtimeValue, siteMtime, stamp };
  return runtimeValue;
}

function statMtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

export interface SourceFile {
  entry: IndexedFile;
  /** Text of a text or Java file; null for binary files. */
  text: string | null;
}

/**
 * A file of the source by its path in the index. Only paths the index lists are ever read, so
 * `..`, encoded separators or absolute paths cannot reach anything else.
 */
export function sourceFile(upstreamPath: string): SourceFile | null {
  const { index, filesByPath } = runtime();
  const entry = filesByPath.get(upstreamPath);
  if (!entry) return null;
  if (entry.kind === 'binary') return { entry, text: null };
  const text = decodeSource(fs.readFileSync(path.join(index.manifest.root, entry.path))).text;
  return { entry, text };
}

/** The lines of a source file (as the index counts them), cached per load: navigation reads them often. */
export function sourceLines(upstreamPath: string): string[] | null {
  const cache = derived('source-lines', () => new Map<string, string[]>());
  const cached = cache.get(upstreamPath);
  if (cached) return cached;
  const file = sourceFile(upstreamPath);
  if (!file?.text) return null;
  const lines = file.text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (cache.size > 500) cache.clear();
  cache.set(upstreamPath, lines);
  return lines;
}

/** The declarations of a Java file for its outline, nested by depth. */
export function outline(entry: IndexedFile): OutlineEntry[] {
  const facts = entry.kind === 'java' ? runtime().index.java[entry.sha1] : undefined;
  if (!facts) return [];
  const depth = new Map<string, number>();
  const entries: OutlineEntry[] = [];
  for (const symbol of facts.symbols) {
    if (symbol.kind === 'package') continue;
    const level = symbol.parent && depth.has(symbol.parent) ? depth.get(symbol.parent)! + 1 : 0;
    depth.set(symbol.id, level);
    if (symbol.local && !TYPE_KINDS.has(symbol.kind)) continue;
    entries.push({ id: symbol.id, kind: symbol.kind, name: symbol.name, line: symbol.nameRange[0], start: symbol.range[0], end: symbol.range[2], depth: level });
  }
  return entries;
}
