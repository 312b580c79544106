import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SiteData } from '@/lib/site/types';
import { readSiteData } from './harness';
import { allInViewport, COMMITLOG, codeUrl, editorReady, eventually, lineNumber, markedLines, range, renderedLines, setupBrowser } from './fixtures';

const browser = setupBrowser();
const site = readSiteData<SiteData>();
const placed = (site.files[COMMITLOG]?.annotations ?? []).filter((a): a is typeof a & { lines: [number, number] } => a.lines !== null);

/** What the first line looks like on screen: its element's box and the box of its first character. */
interface FirstLine {
  line: { top: number; bottom: number; height: number };
  char: { left: number; top: number; width: number; height: number };
  text: string;
  scrollY: number;
}

/** Installed before any page script: records the first server-rendered line just before CodeMirror removes it. */
function recordFirstLineBeforeSwap(): void {
  const measure = (line: Element | null): FirstLine | null => {
    if (!line) return null;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !(node.textContent ?? '').trim()) node = walker.nextNode();
    if (!node) return null;
    const offset = (node.textContent ?? '').search(/\S/);
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const c = range.getBoundingClientRect();
    const l = line.getBoundingClientRect();
    return { line: { top: l.top, bottom: l.bottom, height: l.height }, char: { left: c.left, top: c.top, width: c.width, height: c.height }, text: (line.textContent ?? '').trim(), scrollY: window.scrollY };
  };
  const w = window as unknown as { __measureFirstLine: typeof measure; __ssrFirstLine?: FirstLine | null };
  w.__measureFirstLine = measure;
  const original = Element.prototype.remove;
  Element.prototype.remove = function (this: Element) {
    if (this.classList.contains('code-ssr')) w.__ssrFirstLine = measure(this.querySelector('.line'));
    return original.call(this);
  };
}

async function activeTitle(page: Page): Promise<string | null> {
  const active = page.locator('.annotation-card.active h2');
  return (await active.count()) === 1 ? active.innerText() : null;
}

/** Cards sit below the sticky site header and code toolbar. */
async function stickyBottom(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.code-toolbar')?.getBoundingClientRect().bottom ?? 0);
}

describe('code view', () => {
  it('CommitLog.java reads before JavaScript and CodeMirror takes over without moving the first line', async () => {
    expect(placed.length, 'the content annotates CommitLog.java').toBeGreaterThan(5);

    // Without JavaScript: the server-rendered page is complete and readable.
    const plain = await browser.page({ javaScriptEnabled: false });
    const response = await plain.goto(codeUrl(COMMITLOG));
    expect(response?.status()).toBe(200);
    expect(await plain.title()).toContain('CommitLog.java');
    expect(await plain.locator('h1').innerText()).toBe('CommitLog.java');
    expect(await plain.locator('.code-ssr').innerText()).toContain('package org.apache.rocketmq.store');
    expect(await plain.locator('.annotation-card').count()).toBe(placed.length);
    expect(await plain.locator('.annotation-card h2').first().innerText()).toBe(placed[0]!.title);
    const numbering = await plain.evaluate(() => {
      const lines = [...document.querySelectorAll('.code-ssr .line')];
      const first = lines[0]!;
      const before = getComputedStyle(first, '::before');
      return {
        count: lines.length,
        content: before.content,
        counterIncrement: before.counterIncrement,
        // No digits of a line number in the document text itself.
        firstText: first.textContent ?? '',
        hasNumberElements: document.querySelectorAll('.code-ssr .ln, .code-ssr [data-line]').length,
      };
    });
    expect(numbering.count).toBeGreaterThan(2000);
    expect(numbering.content).toMatch(/counter\(line\)/);
    expect(numbering.counterIncrement).toMatch(/^line( 1)?$/);
    expect(numbering.firstText).not.toMatch(/^\s*1\b/);
    expect(numbering.hasNumberElements).toBe(0);
    expect(await plain.locator('.cm-editor').count()).toBe(0);

    // With JavaScript: CodeMirror replaces the lines in place.
    const page = await browser.page();
    await page.addInitScript(recordFirstLineBeforeSwap);
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    await expect(page.locator('.code-host[data-editor="ready"]').count()).resolves.toBe(1);
    await expect(page.locator('.cm-editor').count()).resolves.toBe(1);
    await expect(page.locator('.code-ssr').count()).resolves.toBe(0);
    const before = await page.evaluate(() => (window as unknown as { __ssrFirstLine?: FirstLine | null }).__ssrFirstLine ?? null);
    const after = await page.evaluate(() => {
      const w = window as unknown as { __measureFirstLine(line: Element | null): FirstLine | null };
      return w.__measureFirstLine(document.querySelector('.cm-content .cm-line'));
    });
    expect(before, 'the server-rendered first line was measured before the swap').not.toBeNull();
    expect(after).not.toBeNull();
    expect(after!.text).toBe(before!.text);
    expect(after!.scrollY).toBe(before!.scrollY);
    for (const key of ['left', 'top', 'width', 'height'] as const) {
      expect(Math.abs(after!.char[key] - before!.char[key]), `first character ${key}: ${before!.char[key]} before, ${after!.char[key]} after`).toBeLessThanOrEqual(1);
    }
    for (const key of ['top', 'bottom', 'height'] as const) {
      expect(Math.abs(after!.line[key] - before!.line[key]), `first line ${key}: ${before!.line[key]} before, ${after!.line[key]} after`).toBeLessThanOrEqual(1);
    }
  });

  it('clicking an annotation card activates and expands it and marks its lines', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    const target = placed[2]!;
    const card = page.locator(`.annotation-card[data-lines="${target.lines[0]}-${target.lines[1]}"]`);
    const collapsed = await card.evaluate((e) => (e as HTMLElement).offsetHeight);
    await card.click({ position: { x: 20, y: 50 } });
    await eventually(() => card.getAttribute('class')).toContain('active');
    expect(await card.locator('h2 button').getAttribute('aria-expanded')).toBe('true');
    const expanded = await card.evaluate((e) => ({ height: (e as HTMLElement).offsetHeight, clipped: e.scrollHeight > e.clientHeight + 1 }));
    expect(expanded.clipped, 'an active card shows all of its text').toBe(false);
    expect(expanded.height).toBeGreaterThanOrEqual(collapsed);
    await eventually(() => markedLines(page, 'active')).toEqual(range(target.lines[0], target.lines[1]));
    expect(await page.locator('.annotation-card.active').count()).toBe(1);
  });

  it("clicking an annotated line's gutter marker activates that line's annotation", async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    const target = placed[1]!;
    const marker = await lineNumber(page, target.lines[0]);
    expect(await marker.getAttribute('class'), `line ${target.lines[0]} carries the annotated gutter marker`).toContain('annotated');
    expect(await activeTitle(page)).toBeNull();
    await marker.click();
    await eventually(() => activeTitle(page), 'the card of the clicked annotated line becomes active').toBe(target.title);
    await eventually(() => markedLines(page, 'active')).toEqual(range(target.lines[0], target.lines[1]));
  });

  it('j and k walk the annotations in line order and scroll their lines into view', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    const sorted = [...placed].sort((a, b) => a.lines[0] - b.lines[0]);
    expect(sorted.map((a) => a.id)).toEqual(placed.map((a) => a.id));

    await page.keyboard.press('j');
    await eventually(() => activeTitle(page)).toBe(sorted[0]!.title);
    await page.keyboard.press('j');
    await eventually(() => activeTitle(page)).toBe(sorted[1]!.title);
    await page.keyboard.press('k');
    await eventually(() => activeTitle(page)).toBe(sorted[0]!.title);

    // From an annotation in the middle, j goes to the next one further down and the page follows.
    const middle = sorted.findIndex((a) => a.lines[0] > 800);
    const from = sorted[middle]!;
    const next = sorted[middle + 1]!;
    await page.locator(`.annotation-card[data-lines="${from.lines[0]}-${from.lines[1]}"] h2 button`).click();
    await eventually(() => activeTitle(page)).toBe(from.title);
    for (const [key, expected] of [['j', next], ['k', from], ['j', next], ['j', sorted[middle + 2]!]] as const) {
      const scrollBefore = await page.evaluate(() => window.scrollY);
      await page.keyboard.press(key);
      await eventually(() => activeTitle(page), `after ${key}`).toBe(expected.title);
      await eventually(() => markedLines(page, 'active'), `lines of ${expected.id} marked active`).toEqual(range(expected.lines[0], expected.lines[1]));
      await eventually(async () => allInViewport(page.locator('.cm-line.active'), await stickyBottom(page)), `lines ${expected.lines[0]}-${expected.lines[1]} visible after ${key}`).toBe(true);
      if (key === 'j') expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore);
    }
  });

  it('a #L923-L940 permalink highlights exactly those lines and scrolls them into view', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG, '#L923-L940'));
    await editorReady(page);
    await eventually(() => markedLines(page, 'sel')).toEqual(range(923, 940));
    expect(await page.locator('.cm-line.sel').count()).toBe(18);
    await eventually(async () => allInViewport(page.locator('.cm-line.sel'), await stickyBottom(page)), 'selected lines visible below the sticky bars').toBe(true);
    await expect(page.locator('.selection-bar').innerText()).resolves.toContain('923–940');
  });

  it('a permalink near the end of a file (#L2450-L2460) shows and highlights its lines once CodeMirror takes over', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG, '#L2450-L2460'));
    await editorReady(page);
    // Before the fix, CodeMirror kept drawing lines 1-36 while the window was scrolled to line 2450: a blank code area.
    await eventually(async () => (await renderedLines(page)).some((l) => l.line === 2450), 'line 2450 is drawn').toBe(true);
    await eventually(() => markedLines(page, 'sel')).toEqual(range(2450, 2460));
    await eventually(async () => allInViewport(page.locator('.cm-line.sel'), await stickyBottom(page))).toBe(true);
    const height = await page.locator('.cm-content').evaluate((e) => e.getBoundingClientRect().height);
    expect(height, 'the editor is as tall as the file (20 px a line)').toBeGreaterThanOrEqual(2496 * 20);
  });

  it('clicking line number 100 then shift-clicking 105 puts #L100-L105 in the address', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    await (await lineNumber(page, 100)).click();
    await eventually(() => page.evaluate(() => location.hash)).toBe('#L100');
    await (await lineNumber(page, 105)).click({ modifiers: ['Shift'] });
    await eventually(() => page.evaluate(() => location.hash)).toBe('#L100-L105');
    await eventually(() => markedLines(page, 'sel')).toEqual(range(100, 105));
    expect(new URL(page.url()).pathname).toBe(codeUrl(COMMITLOG));
  });
});
