import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CODE_ROOT } from '../lib/build/bundle.mjs';
import { exec } from '../lib/cli/exec';
import { parseWorkerBundle } from '../lib/ingest/worker-bundle';
import type { JavaFacts } from '../lib/index/format';
import { JAVA_FILE } from '../lib/index/paths';
import { currentStamp, readIndexFiles } from '../lib/index/read';
import { projectRoot } from '../lib/paths';
import type { BenchContext, BenchModule } from './run';

/*
 * Ingest of the whole current source tree, each run a child process started exactly as
 * `npm run ingest` starts it, so its wall time includes starting Node and its peak memory is its
 * own. Cold runs get a fresh project folder (nothing to reuse); the warm run repeats one with
 * nothing changed. Two kinds of cold run are timed:
 * - the symbol index (`--no-xrefs`): the work ctags does, and the figure compared with it;
 * - the default ingest, which adds cross-references (work ctags does not do), for the time they add.
 * Cold figures are the median of several runs, and so is ctags, run over the same tree in the same
 * run: this machine's timings wander by a tenth from one run to the next.
 */
const LAUNCHER = path.join(CODE_ROOT, 'scripts', 'launch.mjs');
const COLD_RUNS = 3;

/** The summary `npm run ingest -- --json` prints. */
interface IngestReport {
  seconds: number;
  unchanged: boolean;
  parsed: number;
  javaFiles: number;
  symbols: number;
  dir: string;
  filesWithSyntaxErrors: string[];
  /** Peak resident set size of the child (all its threads), in KiB. */
  maxRssKiB: number;
}

interface TimedRun {
  wallSeconds: number;
  report: IngestReport;
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
    for (const figure of ['cold_symbols_wall_seconds', 'warm_wall_seconds', 'ctags_wall_seconds', 'recall']) bench.skip(figure, reason);
    return;
  }
  const root = current.manifest.root;
  bench.log(`source tree ${root} (${current.manifest.counts.javaFiles} Java files)`);
  // Parsing uses one thread per core and ctags one thread in all: the ratio depends on the machine.
  bench.emit('cpus', os.availableParallelism(), 'cores');
  // Bundles are built before any timing, as any earlier command would have built them.
  await parseWorkerBundle();
  await exec(process.execPath, [LAUNCHER, 'ingest', '--help']);

  const projects: string[] = [];
  const freshProject = () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'rocketmq-learning-bench-'));
    projects.push(project);
    fs.copyFileSync(path.join(projectRoot(), 'upstream.json'), path.join(project, 'upstream.json'));
    return { ...process.env, ROCKETMQ_LEARNING_ROOT: project, ROCKETMQ_SRC: root };
  };
  try {
    const symbols: TimedRun[] = [];
    for (let i = 0; i < COLD_RUNS; i++) symbols.push(await runIngest(freshProject(), ['--no-xrefs']));
    const cold = median(symbols);
    const files = readIndexFiles(path.basename(cold.report.dir))?.files ?? [];
    const javaBytes = files.filter((f) => f.kind === 'java').reduce((sum, f) => sum + f.size, 0);
    bench.emit('java_files', cold.report.javaFiles, 'files');
    bench.emit('java_mb', javaBytes / 1e6, 'MB');
    bench.emit('symbols', cold.report.symbols, 'symbols');
    bench.emit('cold_symbols_wall_seconds', cold.wallSeconds, 's');
    bench.emit('cold_symbols_seconds', cold.report.seconds, 's');
    bench.emit('cold_symbols_mb_per_s', javaBytes / 1e6 / cold.wallSeconds, 'MB/s');
    bench.emit('cold_symbols_peak_rss_mb', cold.report.maxRssKiB / 1024, 'MiB');

    const withXrefsEnv = freshProject();
    const withXrefs = await runIngest(withXrefsEnv, []);
    bench.emit('cold_with_xrefs_wall_seconds', withXrefs.wallSeconds, 's');
    bench.emit('cold_with_xrefs_peak_rss_mb', withXrefs.report.maxRssKiB / 1024, 'MiB');
    bench.emit('xrefs_added_wall_seconds', withXrefs.wallSeconds - cold.wallSeconds, 's');

    const warm = await runIngest(withXrefsEnv, []);
    if (!warm.report.unchanged) bench.log(`warning: the warm run re-parsed ${warm.report.parsed} files`);
    bench.emit('warm_wall_seconds', warm.wallSeconds, 's');
    bench.emit('warm_seconds', warm.report.seconds, 's');
    bench.emit('warm_peak_rss_mb', warm.report.maxRssKiB / 1024, 'MiB');

    await compareWithCtags(bench, root, projects[0]!, cold, withXrefs);
  } finally {
    for (const project of projects) fs.rmSync(project, { recursive: true, force: true });
  }
}

/** One `npm run ingest -- --quiet --json` in a child process, timed from spawn to exit. */
async function runIngest(env: NodeJS.ProcessEnv, args: string[]): Promise<TimedRun> {
  const started = performance.now();
  const run = await exec(process.execPath, [LAUNCHER, 'ingest', '--quiet', '--json', ...args], { cwd: CODE_ROOT, env });
  const wallSeconds = (performance.now() - started) / 1000;
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.code !== 0 || !last.startsWith('{')) {
    throw new Error(`the ingest child failed (exit ${run.code}):\n${run.stderr.trim() || run.stdout.trim()}`);
  }
  return { wallSeconds, report: JSON.parse(last) as IngestReport };
}

function median<T extends { wallSeconds: number }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function compareWithCtags(bench: BenchContext, root: string, project: string, symbols: TimedRun, withXrefs: TimedRun): Promise<void> {
  const version = await exec('ctags', ['--version']);
  const figures = ['ctags_wall_seconds', 'ratio_cold_symbols_wall_to_ctags', 'ratio_cold_with_xrefs_wall_to_ctags', 'recall_class', 'recall_interface', 'recall_enum', 'recall_method'];
  if (version.spawnError || !version.stdout.includes('Universal Ctags')) {
    for (const figure of figures) bench.skip(figure, 'universal-ctags is not on PATH');
    return;
  }

  const timedTags = path.join(project, 'tags-timed');
  const ctagsRuns: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const started = performance.now();
    const timed = await exec('ctags', ['-R', '--languages=Java', '-f', timedTags, root]);
    if (timed.code !== 0) {
      for (const figure of figures) bench.skip(figure, `ctags failed: ${timed.stderr.trim().split('\n')[0] ?? ''}`);
      return;
    }
    ctagsRuns.push((performance.now() - started) / 1000);
  }
  const ctagsSeconds = median(ctagsRuns.map((wallSeconds) => ({ wallSeconds }))).wallSeconds;
  bench.emit('ctags_wall_seconds', ctagsSeconds, 's');
  bench.emit('ratio_cold_symbols_wall_to_ctags', symbols.wallSeconds / ctagsSeconds, 'ratio');
  bench.emit('ratio_cold_with_xrefs_wall_to_ctags', withXrefs.wallSeconds / ctagsSeconds, 'ratio');

  // A second run with line numbers and long kind names, relative paths and line-number commands
  // (a search pattern could hold a tab and break the columns).
  const tagsFile = path.join(project, 'tags-fields');
  const tagged = await exec('ctags', ['-R', '--languages=Java', '--fields=+nK', '--excmd=number', '-f', tagsFile, '.'], { cwd: root });
  if (tagged.code !== 0) {
    for (const figure of figures.slice(3)) bench.skip(figure, `ctags failed: ${tagged.stderr.trim().split('\n')[0] ?? ''}`);
    return;
  }

  const ours = new Set<string>();
  const java = JSON.parse(fs.readFileSync(path.join(symbols.report.dir, JAVA_FILE), 'utf8')) as JavaFacts;
  for (const file of readIndexFiles(path.basename(symbols.report.dir))?.files ?? []) {
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
