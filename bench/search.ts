import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { requireCurrentIndex } from '../lib/index/read';
import { evaluateXrefs, type LabelledSite } from '../lib/xref/evaluate';
import { XREF_FILE, type XrefIndex } from '../lib/xref/format';
import { ensureBuild, startServer, type RunningServer } from '../test/browser/harness';
import type { BenchModule } from './run';

/** Queries a reader might type, literal and regular expressions, from narrow to broad. */
const TEXT_QUERIES: Array<{ q: string; regex: boolean }> = [
  { q: 'putMessageLock', regex: false },
  { q: 'flushDiskType', regex: false },
  { q: 'ConsumeQueue', regex: false },
  { q: 'class \\w+Service', regex: true },
  { q: 'new \\w+Exception\\(', regex: true },
];
const RUNS = 15;
const LIMIT = 1000;

/**
 * Navigation and search: full-text search through the HTTP route against ripgrep over the same
 * files in the same run, symbol-search latency (as the server measures it), the time
 * cross-references add to ingest, go-to-definition precision and recall on the labelled set, and
 * the memory of the running server once its search structures are built.
 */
export const searchBench: BenchModule = {
  name: 'search',
  description: 'full-text search vs ripgrep, symbol search p50/p95, cross-reference cost and precision, server memory',
  async run(context) {
    const index = requireCurrentIndex();
    const labels = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'test', 'data', 'xref-labels.json'), 'utf8')) as LabelledSite[];
    const xrefPath = path.join(index.dir, XREF_FILE);
    if (fs.existsSync(xrefPath)) {
      const evaluation = evaluateXrefs(labels, JSON.parse(fs.readFileSync(xrefPath, 'utf8')) as XrefIndex);
      context.emit('definition_precision', evaluation.precision, 'ratio');
      context.emit('definition_recall', evaluation.recall, 'ratio');
      context.emit('labelled_sites', evaluation.sites, 'sites');
    } else {
      context.skip('definition_precision', 'the current index was built without cross-references');
    }
    if (index.manifest.xrefs) {
      context.emit('xref_seconds_added_to_ingest', index.manifest.xrefs.seconds, 's');
      context.emit('xref_references_resolved', index.manifest.xrefs.resolved + index.manifest.xrefs.locals, 'references');
    }

    await ensureBuild(context.log);
    const server = await startServer();
    try {
      await textSearch(server, index.manifest.root, context);
      await symbolSearch(server, index, context);
      const rss = serverRssMb(server.pid);
      if (rss === null) context.skip('server_rss_after_search', 'cannot read /proc for the server process');
      else context.emit('server_rss_after_search', rss, 'MB');
    } finally {
      await server.stop();
    }
  },
};

async function textSearch(server: RunningServer, root: string, context: Parameters<BenchModule['run']>[0]): Promise<void> {
  // The first query builds the in-memory corpus and its trigram index; that is a one-off cost.
  const warmStarted = performance.now();
  await fetchJson(`${server.url}/api/search?q=warmup&limit=1`);
  context.emit('search_index_build_first_query', (performance.now() - warmStarted) / 1000, 's');

  const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  const client = new KeepAliveClient();
  const ratios: number[] = [];
  for (const { q, regex } of TEXT_QUERIES) {
    const url = `${server.url}/api/search?q=${encodeURIComponent(q)}&regex=${regex ? 1 : 0}&limit=${LIMIT}`;
    const ours: number[] = [];
    const oursGzip: number[] = [];
    let matches = 0;
    for (let i = 0; i < RUNS + 2; i++) {
      let started = performance.now();
      const body = (await client.json(url)) as { matchCount: number };
      if (i >= 2) ours.push(performance.now() - started);
      matches = body.matchCount;
      started = performance.now();
      await fetchJson(url);
      if (i >= 2) oursGzip.push(performance.now() - started);
    }
    const label = slug(q);
    const oursMedian = median(ours);
    context.emit(`http_search_p50_${label}`, oursMedian, 'ms');
    context.emit(`http_gzip_search_p50_${label}`, median(oursGzip), 'ms');
    if (rg.status !== 0) {
      context.skip(`rg_p50_${label}`, 'ripgrep (rg) is not installed');
      continue;
    }
    // The same files the index lists: everything but .git, ignore files not honoured; case-insensitive like the route.
    const args = ['-i', '-n', '--no-ignore', '--hidden', '-g', '!.git', '-g', '!.rocketmq-learning-commit', ...(regex ? ['-e', q] : ['-F', q]), '.'];
    const theirs: number[] = [];
    let rgLines = 0;
    for (let i = 0; i < RUNS + 2; i++) {
      const started = performance.now();
      const result = spawnSync('rg', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (i >= 2) theirs.push(performance.now() - started);
      rgLines = result.stdout.split('\n').filter(Boolean).length;
    }
    const theirsMedian = median(theirs);
    context.emit(`rg_p50_${label}`, theirsMedian, 'ms');
    context.emit(`http_vs_rg_${label}`, oursMedian / theirsMedian, 'ratio');
    context.log(`${q}: ${matches} matches over HTTP (limit ${LIMIT}), ${rgLines} matching lines from rg`);
    ratios.push(oursMedian / theirsMedian);
  }
  if (ratios.length > 0) context.emit('http_vs_rg_median', median(ratios), 'ratio');
  client.close();
}

/**
 * The client for the figure compared with rg: one kept-alive connection, no compression, as a
 * local tool would call the route. Node's fetch asks for gzip, whose cost on a few hundred KB of
 * JSON is larger than the search itself over loopback; that figure is printed too (http_gzip_*).
 */
class KeepAliveClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  json(url: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      http
        .get(url, { agent: this.agent, headers: { 'accept-encoding': 'identity' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            if (response.statusCode !== 200) reject(new Error(`${url}: HTTP ${response.statusCode}`));
            else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          });
        })
        .on('error', reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

async function symbolSearch(server: RunningServer, index: ReturnType<typeof requireCurrentIndex>, context: Parameters<BenchModule['run']>[0]): Promise<void> {
  const names: string[] = [];
  for (const file of index.files) {
    for (const symbol of (file.kind === 'java' ? index.java[file.sha1]?.symbols : undefined) ?? []) if (symbol.kind === 'method' || symbol.kind === 'class') names.push(symbol.name);
  }
  // Deterministic sample: prefixes, whole names and camel-hump initials.
  const queries: string[] = [];
  for (let i = 0; queries.length < 200 && i < names.length; i += Math.max(1, Math.floor(names.length / 70))) {
    const name = names[i]!;
    queries.push(name.slice(0, 4), name, name.replace(/[a-z0-9_]+/g, '').slice(0, 3) || name.slice(0, 2));
  }
  await fetchJson(`${server.url}/api/symbols?q=warmup`);
  const serverSide: number[] = [];
  const roundTrip: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    const body = (await fetchJson(`${server.url}/api/symbols?q=${encodeURIComponent(q)}&limit=20`)) as { tookMs: number };
    roundTrip.push(performance.now() - started);
    serverSide.push(body.tookMs);
  }
  context.emit('symbol_search_queries', queries.length, 'queries');
  context.emit('symbol_search_p50_server', percentile(serverSide, 0.5), 'ms');
  context.emit('symbol_search_p95_server', percentile(serverSide, 0.95), 'ms');
  context.emit('symbol_search_p95_http', percentile(roundTrip, 0.95), 'ms');
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** Resident memory of the server process group (next start forks the real server), from /proc. */
function serverRssMb(pid: number): number | null {
  try {
    let total = 0;
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pid) continue; // process group id
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
    return total > 0 ? total / 1024 : null;
  } catch {
    return null;
  }
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function slug(query: string): string {
  return query.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 30);
}
