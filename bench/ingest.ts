import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exec } from '../lib/cli/exec';
import { ingest } from '../lib/ingest';
import type { JavaFacts } from '../lib/index/format';
import { JAVA_FILE } from '../lib/index/paths';
import { currentStamp, readIndexFiles } from '../lib/index/read';
import { projectRoot } from '../lib/paths';
import { locateUpstream } from '../lib/upstream';
import type { BenchContext, BenchModule } from './run';

/*
 * Ingest of the whole current source tree, cold (a fresh project folder, nothing to reuse) and
 * warm (the same again, nothing changed). Each run is a child process, as `npm run ingest` is, so
 * its wall time includes starting Node and its peak memory is its own. When universal-ctags is on
 * PATH the same tree is tagged with it, for a time to compare with and a recall to check: every
 * class, interface, enum and method ctags finds should be in our index at the same file, name and
 * line.
 */
const THIS_FILE = fileURLToPath(import.meta.url);
const CHILD_FLAG = '--child';
const NO_XREFS_FLAG = '--no-xrefs';

/** What the child process reports on its last stdout line. */
interface ChildReport {
  seconds: number;
  unchanged: boolean;
  parsed: number;
  files: number;
  javaFiles: number;
  symbols: number;
  dir: string;
  /** Peak resident set size of the child (all its threads), in KiB. */
  maxRssKiB: number;
}

export const ingestBench: BenchModule = {
  name: 'ingest',
  description: 'cold and warm ingest of the current source tree; ctags time and symbol recall',
  run: runIngestBench,
};

async function runIngestBench(bench: BenchContext): Promise<void> {
  const stamp = currentStamp();
  const current = stamp ? readIndexFiles(stamp) : null;
  if (!current) {
    const reason = 'no source index yet (run npm run ingest first)';
    for (const figure of ['cold_wall_seconds', 'warm_wall_seconds', 'ctags_wall_seconds', 'recall']) bench.skip(figure, reason);
    return;
  }
  const root = current.manifest.root;
  bench.log(`source tree ${root} (${current.manifest.counts.javaFiles} Java files)`);
  // Parsing uses one thread per core and ctags one thread in all: the ratio depends on the machine.
  bench.emit('cpus', os.availableParallelism(), 'cores');

  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'rocketmq-learning-bench-'));
  try {
    fs.copyFileSync(path.join(projectRoot(), 'upstream.json'), path.join(project, 'upstream.json'));
    const env = { ...process.env, ROCKETMQ_LEARNING_ROOT: project, ROCKETMQ_SRC: root };

    const cold = await runChild(env);
    const files = readIndexFiles(path.basename(cold.report.dir))?.files ?? [];
    const javaBytes = files.filter((f) => f.kind === 'java').reduce((sum, f) => sum + f.size, 0);
    bench.emit('java_files', cold.report.javaFiles, 'files');
    bench.emit('java_mb', javaBytes / 1e6, 'MB');
    bench.emit('symbols', cold.report.symbols, 'symbols');
    bench.emit('cold_wall_seconds', cold.wallSeconds, 's');
    bench.emit('cold_seconds', cold.report.seconds, 's');
    bench.emit('cold_mb_per_s', javaBytes / 1e6 / cold.report.seconds, 'MB/s');
    bench.emit('cold_peak_rss_mb', cold.report.maxRssKiB / 1024, 'MiB');

    const warm = await runChild(env);
    if (!warm.report.unchanged) bench.log(`warning: the warm run re-parsed ${warm.report.parsed} files`);
    bench.emit('warm_wall_seconds', warm.wallSeconds, 's');
    bench.emit('warm_seconds', warm.report.seconds, 's');
    bench.emit('warm_peak_rss_mb', warm.report.maxRssKiB / 1024, 'MiB');

    // Symbols only, in a fresh folder: the same work ctags does, for the like-for-like ratio.
    const symbolsProject = fs.mkdtempSync(path.join(os.tmpdir(), 'rocketmq-learning-bench-'));
    try {
      fs.copyFileSync(path.join(projectRoot(), 'upstream.json'), path.join(symbolsProject, 'upstream.json'));
      const symbolsOnly = await runChild({ ...env, ROCKETMQ_LEARNING_ROOT: symbolsProject }, { xrefs: false });
      bench.emit('cold_symbols_only_wall_seconds', symbolsOnly.wallSeconds, 's');
      bench.emit('cold_symbols_only_seconds', symbolsOnly.report.seconds, 's');
      await compareWithCtags(bench, root, project, cold, symbolsOnly);
    } finally {
      fs.rmSync(symbolsProject, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
}

async function runChild(env: NodeJS.ProcessEnv, options: { xrefs: boolean } = { xrefs: true }): Promise<{ wallSeconds: number; report: ChildReport }> {
  const started = performance.now();
  const run = await exec(process.execPath, ['--import', 'tsx', THIS_FILE, CHILD_FLAG, ...(options.xrefs ? [] : [NO_XREFS_FLAG])], { cwd: path.dirname(path.dirname(THIS_FILE)), env });
  const wallSeconds = (performance.now() - started) / 1000;
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.code !== 0 || !last.startsWith('{')) {
    throw new Error(`the ingest child failed (exit ${run.code}):\n${run.stderr.trim() || run.stdout.trim()}`);
  }
  return { wallSeconds, report: JSON.parse(last) as ChildReport };
}

async function compareWithCtags(bench: BenchContext, root: string, project: string, cold: { wallSeconds: number; report: ChildReport }, symbolsOnly: { wallSeconds: number }): Promise<void> {
  const version = await exec('ctags', ['--version']);
  const figures = ['ctags_wall_seconds', 'ratio_cold_symbols_only_wall_to_ctags', 'ratio_cold_wall_to_ctags', 'recall_class', 'recall_interface', 'recall_enum', 'recall_method'];
  if (version.spawnError || !version.stdout.includes('Universal Ctags')) {
    for (const figure of figures) bench.skip(figure, 'universal-ctags is not on PATH');
    return;
  }

  const timedTags = path.join(project, 'tags-timed');
  const started = performance.now();
  const timed = await exec('ctags', ['-R', '--languages=Java', '-f', timedTags, root]);
  const ctagsSeconds = (performance.now() - started) / 1000;
  if (timed.code !== 0) {
    for (const figure of figures) bench.skip(figure, `ctags failed: ${timed.stderr.trim().split('\n')[0] ?? ''}`);
    return;
  }
  bench.emit('ctags_wall_seconds', ctagsSeconds, 's');
  bench.emit('ratio_cold_symbols_only_wall_to_ctags', symbolsOnly.wallSeconds / ctagsSeconds, 'ratio');
  bench.emit('ratio_cold_wall_to_ctags', cold.wallSeconds / ctagsSeconds, 'ratio');

  // A second run with line numbers and long kind names, relative paths and line-number commands
  // (a search pattern could hold a tab and break the columns).
  const tagsFile = path.join(project, 'tags-fields');
  const tagged = await exec('ctags', ['-R', '--languages=Java', '--fields=+nK', '--excmd=number', '-f', tagsFile, '.'], { cwd: root });
  if (tagged.code !== 0) {
    for (const figure of figures.slice(3)) bench.skip(figure, `ctags failed: ${tagged.stderr.trim().split('\n')[0] ?? ''}`);
    return;
  }

  const ours = new Set<string>();
  const java = JSON.parse(fs.readFileSync(path.join(cold.report.dir, JAVA_FILE), 'utf8')) as JavaFacts;
  for (const file of readIndexFiles(path.basename(cold.report.dir))?.files ?? []) {
    for (const symbol of java[file.sha1]?.symbols ?? []) ours.add(key(file.path, symbol.name, symbol.nameRange[0]));
  }

  const totals = new Map<string, { found: number; all: number; missed: string[] }>();
  for (const line of fs.readFileSync(tagsFile, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('!_')) continue;
    const [name = '', file = '', , kind = '', ...extra] = line.split('\t');
    if (!['class', 'interface', 'enum', 'method'].includes(kind)) continue;
    const lineNumber = Number(extra.find((field) => field.startsWith('line:'))?.slice(5));
    const total = totals.get(kind) ?? { found: 0, all: 0, missed: [] };
    totals.set(kind, total);
    total.all++;
    const tagKey = key(file.replace(/^\.\//, ''), name, lineNumber);
    if (ours.has(tagKey)) total.found++;
    else total.missed.push(tagKey.replace(/\t/g, ' '));
  }
  for (const kind of ['class', 'interface', 'enum', 'method']) {
    const total = totals.get(kind);
    if (!total || total.all === 0) {
      bench.skip(`recall_${kind}`, `ctags found no ${kind}`);
      continue;
    }
    bench.emit(`recall_${kind}`, total.found / total.all, 'ratio');
    bench.log(`${kind}: ${total.found} of ${total.all} ctags tags found${total.missed.length ? `; missed e.g. ${total.missed.slice(0, 3).join('; ')}` : ''}`);
  }
}

function key(file: string, name: string, line: number): string {
  return `${file}\t${name}\t${line}`;
}

/** The child: one ingest of ROCKETMQ_SRC into ROCKETMQ_LEARNING_ROOT, reported as one JSON line. */
async function child(): Promise<void> {
  const source = await locateUpstream({ log: () => {} });
  const result = await ingest(source, { makeCurrent: true, progress: false, xrefs: !process.argv.includes(NO_XREFS_FLAG) });
  const report: ChildReport = {
    seconds: result.seconds,
    unchanged: result.unchanged,
    parsed: result.parsed,
    files: result.files,
    javaFiles: result.javaFiles,
    symbols: result.symbols,
    dir: result.dir,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  process.stdout.write(JSON.stringify(report) + '\n');
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url && process.argv.includes(CHILD_FLAG)) {
  child().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
