import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './harness';

export const COMMITLOG = 'store/src/main/java/org/apache/rocketmq/store/CommitLog.java';
export const DEFAULT_MESSAGE_STORE = 'store/src/main/java/org/apache/rocketmq/store/DefaultMessageStore.java';
export const INDEX_FILE = 'store/src/main/java/org/apache/rocketmq/store/index/IndexFile.java';

export function baseURL(): string {
  return inject('baseURL');
}

export interface BrowserFixture {
  /** A fresh context and page (1280×800 unless told otherwise); screenshotted after the test. */
  page(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * One Chromium per test file; each test gets fresh contexts. After every test, passed or failed,
 * each page it opened is saved as test-results/screenshots/<test name>[-n].png.
 */
export function setupBrowser(): BrowserFixture {
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async (context) => {
    const name = context.task.name;
    for (const [i, page] of pages.entries()) {
      if (page.isClosed()) continue;
      await saveScreenshot(page, i === 0 ? name : `${name}-${i + 1}`).catch(() => undefined);
    }
    for (const c of contexts) await c.close().catch(() => undefined);
    contexts = [];
    pages = [];
  });

  return {
    async page(options: BrowserContextOptions = {}) {
      if (!browser) throw new Error('the browser is not running');
      const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 800 }, ...options });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      pages.push(page);
      return page;
    },
  };
}

/** The code view's URL for an upstream path, optionally with a line fragment. */
export function codeUrl(path: string, hash = ''): string {
  return `/code/${path}${hash}`;
}

/** Client components answer keys only once React has hydrated the page and run its effects. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const button = document.querySelector('.site-header button');
    return Boolean(button && Object.keys(button).some((key) => key.startsWith('__reactFiber$')));
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

/** Waits until CodeMirror has replaced the server-rendered lines. */
export async function editorReady(page: Page): Promise<void> {
  await page.locator('.code-host[data-editor="ready"] .cm-editor').waitFor({ state: 'attached' });
}

/**
 * Scrolls the window so that line `n` of the code view is in the middle (CodeMirror draws only the
 * lines near the viewport) and returns the line-number gutter element of that line.
 */
export async function lineNumber(page: Page, n: number): Promise<Locator> {
  await page.evaluate((line) => {
    const host = document.querySelector('.code-host');
    if (!host) return;
    const top = host.getBoundingClientRect().top + window.scrollY + 8 + (line - 1) * 20;
    window.scrollTo({ top: Math.max(0, top - window.innerHeight / 2), behavior: 'instant' });
  }, n);
  const element = page.locator('.cm-lineNumbers .cm-gutterElement').filter({ hasText: new RegExp(`^${n}$`) });
  await element.waitFor();
  return element;
}

/** The lines CodeMirror has drawn (it draws only those near the viewport), with their numbers and classes. */
export async function renderedLines(page: Page): Promise<Array<{ line: number; classes: string[] }>> {
  return page.evaluate(() => {
    const gutter = [...document.querySelectorAll<HTMLElement>('.cm-lineNumbers .cm-gutterElement')].filter((g) => /^\d+$/.test(g.textContent ?? '') && g.style.visibility !== 'hidden');
    // Match each drawn line to the line-number element at the same height.
    return [...document.querySelectorAll<HTMLElement>('.cm-content .cm-line')].map((element) => {
      const top = element.getBoundingClientRect().top;
      const number = gutter.find((g) => Math.abs(g.getBoundingClientRect().top - top) < 2);
      return { line: Number(number?.textContent ?? NaN), classes: [...element.classList] };
    });
  });
}

/** The numbers of the drawn lines that carry a class. */
export async function markedLines(page: Page, className: string): Promise<number[]> {
  return (await renderedLines(page)).filter((l) => l.classes.includes(className)).map((l) => l.line);
}

/**
 * For a range longer than the window: every drawn line carries the class exactly when it is in the
 * range, and the range's first line is drawn. Returns a description of what is wrong, or 'ok'.
 */
export async function rangeMarked(page: Page, className: string, from: number, to: number): Promise<string> {
  const lines = await renderedLines(page);
  if (!lines.some((l) => l.line === from)) return `line ${from} is not drawn (drawn: ${lines[0]?.line}-${lines.at(-1)?.line})`;
  const wrong = lines.filter((l) => l.classes.includes(className) !== (l.line >= from && l.line <= to));
  return wrong.length === 0 ? 'ok' : `wrongly marked or unmarked: ${wrong.map((l) => l.line).join(', ')}`;
}

/** Whether every element the locator matches lies vertically inside the window (below the sticky bars when given). */
export async function allInViewport(locator: Locator, topMargin = 0): Promise<boolean> {
  const boxes = await locator.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
  const height = await locator.page().evaluate(() => window.innerHeight);
  return boxes.length > 0 && boxes.every((box) => box.top >= topMargin - 1 && box.bottom <= height + 1);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** expect.poll with the browser tests' usual timeout. */
export function eventually<T>(fn: () => Promise<T> | T, message?: string) {
  return expect.poll(fn, { timeout: 10_000, interval: 100, ...(message ? { message } : {}) });
}
