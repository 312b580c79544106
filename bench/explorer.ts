import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import type { SiteData } from '../lib/site/types';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ensureBuild, launchBrowser, makeTempDir, PROJECT_ROOT, readSiteData, startServer, type RunningServer } from '../test/browser/harness';
import type { BenchContext, BenchModule } from './run';

/*
 * The explorer as a reader gets it, on the production build:
 *
 * - time to first byte of the code view of DefaultMessageStore.java, cold (the first request after
 *   a fresh `next start`) and warm (median of 20), against a tiny node:http server that serves the
 *   same HTML from memory, gzipped; the same for the largest file that is not prebuilt, whose
 *   first request renders it on demand;
 * - bytes over the wire for that page in Chromium (CDP encodedDataLength): the document and the
 *   page's own requests, apart from the JS and CSS every page shares, against gzip -9 of the Java
 *   file itself (target: at most 3 times);
 * - Lighthouse (desktop preset, performance and accessibility) for the home page, a note and the
 *   CommitLog code view. Chromium is kept off the network beyond this machine: non-local host
 *   names do not resolve and any other request goes to a dead proxy.
 *
 * Each server is a fresh private copy of the build (Next.js caches pages it renders on demand
 * inside .next/server), so "cold" is cold on every run and the project's build is left as it was.
 */

const PAGE = 'store/src/main/java/org/apache/rocketmq/store/DefaultMessageStore.java';
const COMMITLOG = 'store/src/main/java/org/apache/rocketmq/store/CommitLog.java';
const WARM_RUNS = 20;
const LIGHTHOUSE_PAGES: Array<[name: string, path: string]> = [
  ['home', '/'],
  ['note_commitlog', '/notes/commitlog'],
  ['code_commitlog', `/code/${COMMITLOG}`],
];
const REPORT_DIR = path.join(PROJECT_ROOT, 'test-results', 'lighthouse');

export const explorerBench: BenchModule = {
  name: 'explorer',
  description: 'code view TTFB (next start vs a static server), bytes per page vs gzip -9 of the source, Lighthouse scores',
  run: runExplorerBench,
};

async function runExplorerBench(bench: BenchContext): Promise<void> {
  await ensureBuild(bench.log);
  const site = readSiteData<SiteData>();
  const prerendered = Object.keys((JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, '.next', 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> }).routes);
  const work = makeTempDir('bench-explorer');
  try {
    const javaPath = path.join(sourceRoot(), PAGE);
    const java = fs.readFileSync(javaPath);
    bench.log(`page /code/${PAGE}: ${java.length.toLocaleString('en')} bytes of Java, ${site.files[PAGE]?.annotations.length ?? 0} annotations`);

    const html = await ttfbFigures(bench, 'page', PAGE, prerendered, path.join(work, 'a'));
    const largest = largestUnprebuiltFile(prerendered);
    if (largest) {
      bench.log(`largest file not prebuilt: ${largest} (rendered on its first request)`);
      await ttfbFigures(bench, 'largest_on_demand', largest, prerendered, path.join(work, 'b'));
    } else {
      bench.skip('largest_on_demand_ttfb_cold_ms', 'every file is prebuilt');
    }

    const server = await startServer({ buildCopy: path.join(work, 'c') });
    try {
      await byteFigures(bench, server, java, html);
      await lighthouseFigures(bench, server, path.join(work, 'chrome'));
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function sourceRoot(): string {
  const current = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, '.data', 'current.json'), 'utf8')) as { stamp: string };
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, '.data', 'index', current.stamp, 'manifest.json'), 'utf8')) as { root: string };
  return manifest.root;
}

function largestUnprebuiltFile(prerendered: string[]): string | undefined {
  const current = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, '.data', 'current.json'), 'utf8')) as { stamp: string };
  const files = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, '.data', 'index', current.stamp, 'files.json'), 'utf8')) as Array<{ path: string; size: number; kind: string }>;
  const built = new Set(prerendered);
  return files
    .filter((f) => f.kind === 'java' && !built.has(`/code/${f.path}`))
    .sort((a, b) => b.size - a.size)[0]?.path;
}

/** Cold and warm TTFB of one code page on a fresh server, and of the same HTML from a static server. Returns the HTML. */
async function ttfbFigures(bench: BenchContext, prefix: string, upstreamPath: string, prerendered: string[], copy: string): Promise<Buffer> {
  const url = `/code/${upstreamPath}`;
  const prebuilt = prerendered.includes(url);
  bench.emit(`${prefix}_prebuilt`, prebuilt ? 1 : 0, 'bool');
  const server = await startServer({ buildCopy: copy });
  let html: Buffer;
  try {
    const cold = await timedGet(server.url, url, { 'accept-encoding': 'gzip, br' });
    if (cold.status !== 200) throw new Error(`GET ${url}: HTTP ${cold.status}`);
    bench.log(`${prefix}: cold ${cold.ttfbMs.toFixed(1)} ms (${prebuilt ? 'prebuilt at build time' : 'rendered on demand'}; x-nextjs-cache ${cold.headers['x-nextjs-cache'] ?? '-'}, content-encoding ${cold.headers['content-encoding'] ?? 'none'})`);
    bench.emit(`${prefix}_ttfb_cold_ms`, cold.ttfbMs, 'ms');
    const second = await timedGet(server.url, url, { 'accept-encoding': 'gzip, br' });
    bench.emit(`${prefix}_ttfb_second_ms`, second.ttfbMs, 'ms');
    const warm = await medianTtfb(server.url, url);
    bench.emit(`${prefix}_ttfb_warm_median_ms`, warm, 'ms');
    html = (await timedGet(server.url, url, {})).body;
    bench.emit(`${prefix}_html_bytes`, html.length, 'bytes');

    const gzipped = zlib.gzipSync(html, { level: 9 });
    const { url: staticUrl, close } = await staticServer(html, gzipped);
    try {
      await timedGet(staticUrl, url, { 'accept-encoding': 'gzip, br' });
      const staticWarm = await medianTtfb(staticUrl, url);
      bench.emit(`${prefix}_static_ttfb_warm_median_ms`, staticWarm, 'ms');
      bench.emit(`${prefix}_ratio_next_to_static_ttfb`, warm / staticWarm, 'ratio');
    } finally {
      await close();
    }
  } finally {
    await server.stop();
  }
  return html;
}

interface Timed {
  status: number;
  ttfbMs: number;
  headers: http.IncomingHttpHeaders;
  /** The body as received (compressed when the server compressed it). */
  body: Buffer;
}

/** One GET on a fresh connection; TTFB is from sending the request to the first byte of the response. */
function timedGet(base: string, urlPath: string, headers: Record<string, string>): Promise<Timed> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let started = 0;
    let firstByte = 0;
    const request = http.request({ hostname, port, path: urlPath, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, ttfbMs: firstByte - started, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('socket', (socket) => {
      socket.once('connect', () => (started = performance.now()));
      socket.once('data', () => (firstByte = performance.now()));
    });
    request.on('error', reject);
    request.setTimeout(60_000, () => request.destroy(new Error(`GET ${urlPath} timed out`)));
    request.end();
  });
}

async function medianTtfb(base: string, urlPath: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) times.push((await timedGet(base, urlPath, { 'accept-encoding': 'gzip, br' })).ttfbMs);
  times.sort((a, b) => a - b);
  return (times[(WARM_RUNS - 1) >> 1]! + times[WARM_RUNS >> 1]!) / 2;
}

/** The lower bound for serving a page: a saved copy from memory, gzipped once in advance. */
function staticServer(html: Buffer, gzipped: Buffer): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': gzip ? gzipped.length : html.length, Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    response.end(gzip ? gzipped : html);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  rsc: boolean;
  encoding: string;
}

/** What Chromium transfers for the page, by kind, against gzip -9 of the Java file. */
async function byteFigures(bench: BenchContext, server: RunningServer, java: Buffer, html: Buffer): Promise<void> {
  const url = `${server.url}/code/${PAGE}`;
  const document = await timedGet(server.url, `/code/${PAGE}`, { 'accept-encoding': 'gzip, br' });
  bench.log(`document with Accept-Encoding gzip, br: content-encoding ${document.headers['content-encoding'] ?? 'none'}, ${document.body.length} bytes of body`);
  bench.emit('html_compressed_body_bytes', document.body.length, 'bytes');
  bench.emit('html_gzip9_bytes', zlib.gzipSync(html, { level: 9 }).length, 'bytes');

  const browser = await launchBrowser();
  let context: BrowserContext | undefined;
  try {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const seen = new Map<string, Transfer>();
    const rscRequests = new Set<string>();
    const finished = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (event) => {
      const headers = event.request.headers as Record<string, string>;
      if (Object.keys(headers).some((h) => h.toLowerCase() === 'rsc') || /[?&]_rsc=/.test(event.request.url)) rscRequests.add(event.requestId);
    });
    cdp.on('Network.responseReceived', (event) => {
      const headers = event.response.headers as Record<string, string>;
      const encoding = Object.entries(headers).find(([h]) => h.toLowerCase() === 'content-encoding')?.[1] ?? '';
      seen.set(event.requestId, { url: event.response.url, type: event.type, bytes: 0, rsc: false, encoding });
    });
    cdp.on('Network.loadingFinished', (event) => finished.set(event.requestId, event.encodedDataLength));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator('.code-host[data-editor="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);

    const transfers = [...seen.entries()].map(([id, t]) => ({ ...t, bytes: finished.get(id) ?? 0, rsc: rscRequests.has(id) }));
    const sum = (list: Transfer[]) => list.reduce((total, t) => total + t.bytes, 0);
    const isShared = (t: Transfer) => {
      const pathname = new URL(t.url).pathname;
      return pathname.startsWith('/_next/static/') || pathname.startsWith('/icon.svg') || pathname === '/favicon.ico';
    };
    const doc = transfers.filter((t) => t.type === 'Document');
    const shared = transfers.filter((t) => t.type !== 'Document' && isShared(t));
    const prefetch = transfers.filter((t) => t.type !== 'Document' && !isShared(t) && t.rsc);
    const own = transfers.filter((t) => t.type !== 'Document' && !isShared(t) && !t.rsc);
    for (const t of transfers) bench.log(`  ${t.type.padEnd(10)} ${String(t.bytes).padStart(8)} B ${t.encoding.padEnd(4)} ${isShared(t) ? 'shared ' : t.rsc ? 'prefetch' : t.type === 'Document' ? 'document' : 'page   '} ${new URL(t.url).pathname}${new URL(t.url).search}`);

    const javaGzip = zlib.gzipSync(java, { level: 9 }).length;
    const pageBytes = sum(doc) + sum(own);
    bench.emit('java_bytes', java.length, 'bytes');
    bench.emit('java_gzip9_bytes', javaGzip, 'bytes');
    bench.emit('document_transfer_bytes', sum(doc), 'bytes');
    bench.emit('page_specific_transfer_bytes', sum(own), 'bytes');
    bench.emit('prefetch_transfer_bytes', sum(prefetch), 'bytes');
    bench.emit('shared_static_transfer_bytes', sum(shared), 'bytes');
    bench.emit('shared_static_requests', shared.length, 'requests');
    bench.emit('ratio_page_to_java_gzip9', pageBytes / javaGzip, 'ratio');
    bench.emit('ratio_page_and_prefetch_to_java_gzip9', (pageBytes + sum(prefetch)) / javaGzip, 'ratio');
    bench.log(`page bytes (document + own requests) ${pageBytes} = ${(pageBytes / javaGzip).toFixed(2)} × gzip -9 of the Java file (${javaGzip}); target at most 3`);

    // The identifier links are fetched when a pointer first comes to the code: counted apart.
    const before = new Set(transfers.map((t) => t.url));
    await page.locator('.cm-content').hover({ position: { x: 60, y: 20 } });
    await page.locator('.code-host[data-links]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const links = [...seen.entries()].filter(([, t]) => !before.has(t.url) && new URL(t.url).pathname === '/api/xrefs').map(([id]) => finished.get(id) ?? 0);
    bench.emit('links_on_first_pointer_bytes', links.reduce((a, b) => a + b, 0), 'bytes');
    bench.emit('ratio_page_with_links_to_java_gzip9', (pageBytes + links.reduce((a, b) => a + b, 0)) / javaGzip, 'ratio');
  } finally {
    await context?.close();
    await browser.close();
  }
}

interface AuditResult {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
}

/** Lighthouse, desktop preset, performance and accessibility, with Chromium kept on this machine. */
async function lighthouseFigures(bench: BenchContext, server: RunningServer, userDataDir: string): Promise<void> {
  const [{ default: lighthouse }, { default: desktopConfig }, chromeLauncher] = await Promise.all([import('lighthouse'), import('lighthouse/core/config/desktop-config.js'), import('chrome-launcher')]);
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [
      ...CHROMIUM_ARGS,
      // Nothing beyond this machine: other host names do not resolve, other requests hit a closed port.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      '--proxy-server=http://127.0.0.1:9',
      '--proxy-bypass-list=<-loopback>;127.0.0.1;localhost',
    ],
    userDataDir,
    logLevel: 'silent',
  });
  try {
    for (const [name, urlPath] of LIGHTHOUSE_PAGES) {
      const result = await lighthouse(`${server.url}${urlPath}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }, desktopConfig);
      if (!result) {
        bench.skip(`lighthouse_${name}_performance`, 'lighthouse returned nothing');
        continue;
      }
      const lhr = result.lhr;
      fs.writeFileSync(path.join(REPORT_DIR, `${name}.json`), typeof result.report === 'string' ? result.report : JSON.stringify(lhr));
      if (lhr.runtimeError) bench.log(`lighthouse ${urlPath}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      for (const category of ['performance', 'accessibility'] as const) {
        const score = lhr.categories[category]?.score;
        if (score === null || score === undefined) bench.skip(`lighthouse_${name}_${category}`, 'no score');
        else bench.emit(`lighthouse_${name}_${category}`, Math.round(score * 100), 'score');
      }
      for (const metric of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
        const audit = lhr.audits[metric];
        if (audit?.numericValue !== undefined) bench.log(`lighthouse ${urlPath}: ${metric} ${audit.displayValue ?? audit.numericValue} (score ${audit.score ?? '-'})`);
      }
      const requests = (lhr.audits['network-requests']?.details as { items?: Array<{ url?: string }> } | undefined)?.items ?? [];
      const offsite = requests.filter((r) => r.url && !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(r.url));
      bench.emit(`lighthouse_${name}_offsite_requests`, offsite.length, 'requests');
      for (const r of offsite) bench.log(`lighthouse ${urlPath}: request off this machine: ${r.url}`);
      for (const category of ['performance', 'accessibility'] as const) {
        const failing = (lhr.categories[category]?.auditRefs ?? [])
          .map((ref) => lhr.audits[ref.id] as AuditResult | undefined)
          .filter((a): a is AuditResult => Boolean(a) && a!.score !== null && a!.score < 0.9 && ['binary', 'numeric', 'metricSavings'].includes(a!.scoreDisplayMode));
        for (const audit of failing) bench.log(`lighthouse ${urlPath}: ${category} audit fails: ${audit.id} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''}): ${audit.title}`);
        if (failing.length === 0) bench.log(`lighthouse ${urlPath}: every ${category} audit passes`);
      }
    }
  } finally {
    chrome.kill();
  }
}
