import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/*
 * The server and browser helpers shared by the browser tests (test/browser) and the explorer
 * benchmark (bench/explorer.ts). Nothing here imports vitest, so the benchmark can use it too.
 */

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Runs the same preparation `npm start` does (source, index, content, `next build` when something changed). */
export async function ensureBuild(log: (line: string) => void = (line) => process.stderr.write(line + '\n')): Promise<void> {
  const started = performance.now();
  // Others may be building the same folder: wait for their build (up to 10 minutes), then check again.
  let result = await prepareOnly();
  while (result.code !== 0 && result.output.includes('Another next build process is already running') && performance.now() - started < 600_000) {
    log('build: another next build is running in this folder; waiting for it');
    await sleep(5000);
    result = await prepareOnly();
  }
  if (result.code !== 0) throw new Error(`npm start -- --prepare-only failed (exit ${result.code}):\n${result.output.slice(-4000)}`);
  const built = !result.output.includes('build: up to date');
  log(`build: ${built ? 'rebuilt' : 'up to date'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function prepareOnly(): Promise<{ code: number | null; output: string }> {
  return run(process.execPath, ['scripts/launch.mjs', 'start', '--prepare-only'], { cwd: PROJECT_ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: null, output: output + String(error) }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerOptions {
  /** ROCKETMQ_LEARNING_ROOT for the server: where it reads .data/ (defaults to the project). */
  dataRoot?: string;
  /**
   * Serve a private copy of the build (in this folder, which gets .next, next.config.mjs,
   * package.json and a node_modules link). Pages rendered on demand are cached by Next.js inside
   * .next/server; a copy keeps them out of the project's build and makes every start really cold.
   */
  buildCopy?: string;
  /** Called with the copy's folder before the server starts (to drop prebuilt pages, say). */
  prepareCopy?: (dir: string) => void;
  /** Milliseconds to wait for the server to answer. */
  timeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `next start` on a free port, in its own process group (it forks the real server), answering
 * before this resolves. stop() ends the whole group: SIGTERM, then SIGKILL after a few seconds.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dir = options.buildCopy ? copyBuild(options.buildCopy) : PROJECT_ROOT;
  if (options.buildCopy) options.prepareCopy?.(dir);
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  delete env.PORT;
  // The data folder is explicit: a server on a copy of the build runs in the copy's folder.
  env.ROCKETMQ_LEARNING_ROOT = options.dataRoot ?? PROJECT_ROOT;
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', dir, '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: dir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  const pid = child.pid;
  if (pid === undefined) throw new Error('next start did not start');
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (exited) return;
    signalGroup(pid, 'SIGTERM');
    const killed = await Promise.race([exit.then(() => true), sleep(5000).then(() => false)]);
    if (!killed) {
      signalGroup(pid, 'SIGKILL');
      await Promise.race([exit, sleep(2000)]);
    }
    // The forked server may outlive its parent for a moment; make sure the group is gone.
    signalGroup(pid, 'SIGKILL');
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`next start exited before answering:\n${output}`);
    if (await answers(`${url}/icon.svg`)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within ${options.timeoutMs ?? 60_000} ms:\n${output}`);
    }
    await sleep(100);
  }
  return { url, port, pid, output: () => output, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve((response.statusCode ?? 0) > 0);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(false);
    });
  });
}

/** The build, copied for one private server (see ServerOptions.buildCopy); the cache of earlier on-demand renders is left out. */
function copyBuild(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const source = path.join(PROJECT_ROOT, '.next');
  const skip = new Set([path.join(source, 'cache'), path.join(source, 'server', 'route-cache')]);
  fs.cpSync(source, path.join(dir, '.next'), { recursive: true, filter: (from) => !skip.has(from) });
  for (const file of ['next.config.mjs', 'package.json']) fs.copyFileSync(path.join(PROJECT_ROOT, file), path.join(dir, file));
  if (!fs.existsSync(path.join(dir, 'node_modules'))) fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `rocketmq-learning-${label}-`));
}

/** Debian's Chromium through playwright-core (never a downloaded browser). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Saves a full-viewport screenshot as test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${screenshotName(name)}.png`);
  await page.screenshot({ path: file, timeout: 10_000 });
  return file;
}

export function screenshotName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A GET whose path is sent exactly as written: fetch() and browsers resolve `..` and `%2e%2e`
 * before sending, this does not.
 */
export function rawGet(base: string, rawPath: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: rawPath, method: 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${rawPath} timed out`)));
    request.end();
  });
}

/** The project's rendered site data, for expected values (what the server itself reads). */
export function readSiteData<T>(): T {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, '.data', 'site.json'), 'utf8')) as T;
}
