import crypto from 'node:crypto';
import path from 'node:path';
import { UserError } from '../cli/errors';
import { createProgress } from '../cli/progress';
import { INDEX_FORMAT, type IndexManifest, type IndexedFile, type JavaFacts } from '../index/format';
import type { XrefIndex } from '../xref/format';
import { currentStamp, readIndex, readIndexFiles, type IndexFiles } from '../index/read';
import type { SyntaxProblem } from '../java/types';
import type { UpstreamSource } from '../upstream';
import { listFiles } from './1.list-files';
import { readSource } from './2.read-sources';
import { ParsePool } from './3.parse-java';
import { crossReference } from './4.cross-reference';
import { setCurrentIndex, writeIndex } from './5.write-index';
import type { ParseJob } from './parse-one';
import { extractorVersion } from './extractor-version';
import { readPreviousIr } from './previous-ir';

export interface IngestOptions {
  /** Make this index the one the app and the checker read (true for the pinned source). */
  makeCurrent: boolean;
  /** Show a progress bar (on a terminal) while parsing. */
  progress?: boolean;
  /** Number of parsing threads; defaults to one per core. */
  threads?: number;
  /** Resolve cross-references too (default true); the symbol index alone is enough for the checker. */
  xrefs?: boolean;
  /**
   * Parsing threads the caller started early, while it located the source, so that they are ready
   * when the first texts are read. Ingest uses them or closes them; either way it owns them.
   */
  pool?: Promise<ParsePool>;
}

export interface IngestResult {
  stamp: string;
  dir: string;
  files: number;
  javaFiles: number;
  symbols: number;
  filesWithSyntaxErrors: Array<{ path: string; problems: SyntaxProblem[] }>;
  parsed: number;
  reused: number;
  /** Nothing had changed since the last run, so nothing was written. */
  unchanged: boolean;
  seconds: number;
  /** Cross-reference figures of this index (when built with them). */
  xrefs?: IndexManifest['xrefs'];
}

/**
 * Builds the index of a source tree: list every file, read the new and changed ones, parse the
 * Java among them, write the index. Work is reused by content hash, and a run where no file
 * changed (same size and modification time) reads nothing but the previous file list.
 */
export async function ingest(source: UpstreamSource, options: IngestOptions): Promise<IngestResult> {
  let offered = options.pool;
  const takePool = () => {
    const pool = offered ?? ParsePool.create(options.threads);
    offered = undefined;
    return pool;
  };
  try {
    return await ingestWith(source, options, takePool);
  } finally {
    await (await offered)?.close();
  }
}

async function ingestWith(source: UpstreamSource, options: IngestOptions, takePool: () => Promise<ParsePool>): Promise<IngestResult> {
  const started = performance.now();
  const stamp = source.commit ?? `local-${crypto.createHash('sha1').update(source.root).digest('hex').slice(0, 12)}`;
  const candidate = readIndexFiles(stamp) ?? readOtherFiles(currentStamp(), stamp);
  // An index built by other extraction code is not reused: its facts may be what the new code fixes.
  const previous = candidate?.manifest.extractor === extractorVersion() ? candidate : null;
  const withXrefs = options.xrefs ?? true;
  const listed = listFiles(source.root);
  // With nothing to reuse every file will be parsed: the threads start now and parse each text
  // as soon as it is read.
  const earlyPool = previous ? null : await takePool();
  let progress = createProgress('parsing', listed.filter((item) => item.path.endsWith('.java')).length);
  const onProgress = (done: number) => options.progress && progress.tick(done);
  const streaming = earlyPool?.begin(onProgress);

  const sameRoot = previous?.manifest.root === path.resolve(source.root);
  const previousByPath = new Map(sameRoot ? previous!.files.map((f) => [f.path, f]) : []);
  const files: IndexedFile[] = [];
  const texts = new Map<string, string>();
  for (const item of listed) {
    const known = previousByPath.get(item.path);
    if (known && known.size === item.size && known.mtimeMs === item.mtimeMs) {
      files.push(known);
      continue;
    }
    const read = readSource(source.root, item);
    files.push(read.entry);
    if (read.javaText === undefined || texts.has(read.entry.sha1)) continue;
    if (streaming) {
      streaming.add({ key: read.entry.sha1, text: read.javaText, xrefs: withXrefs });
      // The thread has the text now; only its key is needed here, and 14 MB less to keep is less to collect.
      texts.set(read.entry.sha1, '');
    } else {
      texts.set(read.entry.sha1, read.javaText);
    }
  }
  const javaEntries = files.filter((f) => f.kind === 'java');
  if (javaEntries.length === 0) {
    await earlyPool?.close();
    throw new UserError(`no .java files under ${source.root}`, { hint: 'point ROCKETMQ_SRC at a RocketMQ checkout, or unset it' });
  }

  const sameAsPrevious = previous?.manifest.stamp === stamp && sameFiles(previous.files, files) && Boolean(previous.manifest.xrefs) === withXrefs;
  // Nothing read and the same file list: nothing to parse or write, so the previous facts stay unread.
  const needsFacts = texts.size < javaEntries.length && !(texts.size === 0 && sameAsPrevious);
  const reusable = previous && needsFacts ? readIndex(previous.manifest.stamp)?.java : undefined;
  const previousIr = withXrefs && previous && needsFacts ? readPreviousIr(previous.dir) : new Map<string, string>();
  const jobs: ParseJob[] = [...texts].filter(([sha]) => !reusable?.[sha] || (withXrefs && !previousIr.has(sha))).map(([key, text]) => ({ key, text, xrefs: withXrefs }));
  // Files not re-read this run whose IR is unknown (an index built without cross-references) are read again.
  if (withXrefs && !(jobs.length === 0 && sameAsPrevious)) {
    const queued = new Set(jobs.map((job) => job.key));
    for (const entry of javaEntries) {
      if (queued.has(entry.sha1) || previousIr.has(entry.sha1) || texts.has(entry.sha1)) continue;
      const text = readSource(source.root, { path: entry.path, size: entry.size, mtimeMs: entry.mtimeMs }).javaText;
      if (text !== undefined) {
        jobs.push({ key: entry.sha1, text, xrefs: true });
        queued.add(entry.sha1);
      }
    }
  }
  const unchanged = jobs.length === 0 && sameAsPrevious;

  let dir = previous?.dir ?? '';
  let xrefFigures = unchanged ? previous?.manifest.xrefs : undefined;
  if (!unchanged) {
    // Streamed texts were all new, so they are exactly the jobs.
    const pool = earlyPool ?? (await takePool());
    if (!streaming) progress = createProgress('parsing', jobs.length);
    let parsed;
    try {
      parsed = streaming ? await streaming.finish() : await pool.run(jobs, onProgress);
    } catch (error) {
      await pool.close();
      throw error;
    } finally {
      if (options.progress) progress.done();
    }
    // The threads stop while the index is written.
    const closing = pool.close();
    const javaJson = new Map<string, string>();
    const irJson = new Map<string, string>();
    for (const entry of javaEntries) {
      const fresh = parsed.get(entry.sha1);
      const old = reusable?.[entry.sha1];
      if (fresh) {
        javaJson.set(entry.sha1, fresh.json);
        if (fresh.irJson) irJson.set(entry.sha1, fresh.irJson);
        describe(entry, fresh.symbolCount, fresh.syntaxProblems);
      } else if (old) {
        if (!javaJson.has(entry.sha1)) javaJson.set(entry.sha1, JSON.stringify(old));
        describe(entry, old.symbols.length, old.syntaxProblems);
      } else if (entry.symbols === undefined) {
        throw new Error(`no facts for ${entry.path}`);
      }
      const oldIr = previousIr.get(entry.sha1);
      if (withXrefs && !irJson.has(entry.sha1) && oldIr) irJson.set(entry.sha1, oldIr);
    }
    let xref: { index: XrefIndex; irJson: Map<string, string> } | undefined;
    if (withXrefs) {
      const facts: JavaFacts = {};
      for (const [sha, json] of javaJson) facts[sha] = JSON.parse(json) as JavaFacts[string];
      const resolved = crossReference(files, facts, irJson);
      xref = { index: resolved.xrefs, irJson };
      xrefFigures = resolved.stats;
    }
    dir = writeIndex(manifestFor(source, stamp, files, xrefFigures), files, javaJson, xref);
    await closing;
  }
  if (options.makeCurrent) setCurrentIndex(stamp);

  const withErrors = javaEntries
    .filter((entry) => entry.syntaxProblems !== undefined)
    .map((entry) => ({ path: entry.path, problems: entry.syntaxProblems ?? [] }));
  return {
    stamp,
    dir,
    files: files.length,
    javaFiles: javaEntries.length,
    symbols: javaEntries.reduce((sum, entry) => sum + (entry.symbols ?? 0), 0),
    filesWithSyntaxErrors: withErrors,
    parsed: jobs.length,
    reused: javaEntries.length - jobs.length,
    unchanged,
    seconds: (performance.now() - started) / 1000,
    ...(xrefFigures ? { xrefs: xrefFigures } : {}),
  };
}

function readOtherFiles(stamp: string | null, except: string): IndexFiles | null {
  return stamp && stamp !== except ? readIndexFiles(stamp) : null;
}

function sameFiles(a: IndexedFile[], b: IndexedFile[]): boolean {
  return a.length === b.length && a.every((file, i) => file.path === b[i]?.path && file.sha1 === b[i]?.sha1);
}

function describe(entry: IndexedFile, symbols: number, syntaxProblems: SyntaxProblem[]): void {
  entry.symbols = symbols;
  if (syntaxProblems.length > 0) entry.syntaxProblems = syntaxProblems;
  else delete entry.syntaxProblems;
}

function manifestFor(source: UpstreamSource, stamp: string, files: IndexedFile[], xrefs: IndexManifest['xrefs']): IndexManifest {
  const javaFiles = files.filter((f) => f.kind === 'java');
  return {
    format: INDEX_FORMAT,
    stamp,
    tag: source.tag,
    version: source.version,
    commit: source.commit,
    route: source.route,
    root: path.resolve(source.root),
    builtAt: new Date().toISOString(),
    extractor: extractorVersion(),
    counts: {
      files: files.length,
      javaFiles: javaFiles.length,
      symbols: javaFiles.reduce((sum, f) => sum + (f.symbols ?? 0), 0),
      filesWithSyntaxErrors: javaFiles.filter((f) => f.syntaxProblems !== undefined).length,
    },
    ...(xrefs ? { xrefs } : {}),
  };
}
