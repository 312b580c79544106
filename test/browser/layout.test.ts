import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COMMITLOG, codeUrl, editorReady, eventually, hydrated, setupBrowser } from './fixtures';

const browser = setupBrowser();
const PHONE = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Elements and runs of text that reach past the window's right edge, other than the code (which scrolls in its own box). */
async function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const skip = (element: Element) => Boolean(element.closest('.code-scroll, .sr-only, .side-panel'));
    const describe = (element: Element, left: number, right: number, text: string) => `${element.tagName.toLowerCase()}${[...element.classList].map((c) => `.${c}`).join('')} ${Math.round(left)}..${Math.round(right)}: ${text.trim().slice(0, 70)}`;
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (skip(element)) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1)) out.push(describe(element, box.left, box.right, element.textContent ?? ''));
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || skip(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = [...range.getClientRects()].find((r) => r.width > 0 && r.right > width + 1);
      if (rect) out.push(`text in ${describe(parent, rect.left, rect.right, node.textContent ?? '')}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, elements: out.slice(0, 12) };
  });
}

function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

describe('layout', () => {
  it('at 375 px the CommitLog page does not scroll sideways and the panel toggle opens the drawer', async () => {
    const page = await browser.page(PHONE);
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    await hydrated(page);
    const result = await overflowing(page);
    expect(result.elements, 'elements wider than the window').toEqual([]);
    expect(result.scrollWidth, 'the page itself does not scroll sideways').toBeLessThanOrEqual(result.width);
    // The code block scrolls inside its own box instead.
    const code = await page.locator('.code-scroll').evaluate((e) => ({ client: e.clientWidth, scroll: e.scrollWidth, right: e.getBoundingClientRect().right }));
    expect(code.right).toBeLessThanOrEqual(375 + 1);
    expect(code.scroll).toBeGreaterThan(code.client);

    // Readable: body text and code at a legible size, the heading on screen.
    const sizes = await page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      code: parseFloat(getComputedStyle(document.querySelector('.cm-content')!).fontSize),
      card: parseFloat(getComputedStyle(document.querySelector('.annotation-card .body')!).fontSize),
    }));
    expect(sizes.body).toBeGreaterThanOrEqual(14);
    expect(sizes.code).toBeGreaterThanOrEqual(12);
    expect(sizes.card).toBeGreaterThanOrEqual(12);
    expect(await page.locator('h1').isVisible()).toBe(true);

    const panel = page.locator('.side-panel');
    expect(await panel.isVisible(), 'the drawer starts closed on a phone').toBe(false);
    await page.getByRole('button', { name: 'Toggle files and outline' }).click();
    await eventually(() => panel.isVisible()).toBe(true);
    const box = await panel.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(375);
    await panel.getByRole('tab', { name: 'Files' }).click();
    await eventually(() => panel.locator('a[aria-current="page"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Toggle files and outline' }).click();
    await eventually(() => panel.isVisible()).toBe(false);

    // Following an outline entry puts the drawer away so the code it points at is visible.
    await page.getByRole('button', { name: 'Toggle files and outline' }).click();
    await panel.getByRole('tab', { name: 'Outline' }).click();
    await panel.locator('a.outline-row', { hasText: /^mrecover/ }).first().click();
    await eventually(() => panel.isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toMatch(/^#L\d+$/);
  });

  it('at 375 px the annotations fold above the code, and unfold on request without a screenful of empty space', async () => {
    const page = await browser.page(PHONE);
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    await hydrated(page);
    const measure = () =>
      page.evaluate(() => {
        const rail = document.querySelector('.annotation-rail')!;
        const visible = [...rail.querySelectorAll<HTMLElement>('.annotation-card')].filter((card) => card.offsetParent !== null);
        const railBox = rail.getBoundingClientRect();
        const lastVisible = visible.at(-1)?.getBoundingClientRect().bottom ?? railBox.top;
        const code = document.querySelector('.code-scroll')!.getBoundingClientRect();
        return { total: rail.querySelectorAll('.annotation-card').length, visible: visible.length, gap: Math.round(code.top - lastVisible), railHeight: Math.round(railBox.height) };
      });

    const folded = await measure();
    expect(folded.total).toBeGreaterThan(5);
    expect(folded.visible, 'folded: no card is listed until asked for').toBe(0);
    expect(folded.railHeight, 'folded: the rail is one button tall').toBeLessThan(80);

    const toggle = page.getByRole('button', { name: `Show the ${folded.total} annotations` });
    await toggle.click();
    await eventually(async () => (await measure()).visible).toBe(folded.total);
    const unfolded = await measure();
    expect(unfolded.gap, `empty space between the last card and the code (rail ${unfolded.railHeight} px tall)`).toBeLessThan(100);
    expect(unfolded.gap).toBeGreaterThanOrEqual(0);
    await page.getByRole('button', { name: 'Hide the annotations' }).click();
    await eventually(async () => (await measure()).visible).toBe(0);
  });

  it('at 375 px the drawer does not cover the code before JavaScript runs', async () => {
    const page = await browser.page({ ...PHONE, javaScriptEnabled: false });
    await page.goto(codeUrl(COMMITLOG));
    const panel = page.locator('.side-panel');
    expect(await panel.isVisible(), 'the server-rendered page opens with the files drawer over the code').toBe(false);
    const result = await overflowing(page);
    expect(result.scrollWidth).toBeLessThanOrEqual(result.width);
  });

  it('the home page at 375 px does not scroll sideways', async () => {
    const page = await browser.page(PHONE);
    await page.goto('/');
    await hydrated(page);
    const result = await overflowing(page);
    expect(result.elements).toEqual([]);
    expect(result.scrollWidth).toBeLessThanOrEqual(result.width);
  });

  it('dark mode: a dark system theme gives a dark page, and the toggle switches and is remembered', async () => {
    const page = await browser.page({ colorScheme: 'dark' });
    await page.goto('/');
    await hydrated(page);
    expect(luminance(await background(page)), 'dark background under a dark system theme').toBeLessThan(0.2);
    const toggle = page.locator('.site-header').getByRole('button', { name: /Switch to (light|dark) theme/ });
    expect(await toggle.getAttribute('aria-label')).toBe('Switch to light theme');

    await toggle.click();
    await eventually(async () => luminance(await background(page))).toBeGreaterThan(0.8);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.reload();
    await hydrated(page);
    expect(luminance(await background(page)), 'light remembered across a reload').toBeGreaterThan(0.8);
    expect(await toggle.getAttribute('aria-label')).toBe('Switch to dark theme');

    await toggle.click();
    await eventually(async () => luminance(await background(page))).toBeLessThan(0.2);
    await page.reload();
    await hydrated(page);
    expect(luminance(await background(page)), 'dark remembered across a reload').toBeLessThan(0.2);
    // Text stays readable on the dark background.
    const text = await page.evaluate(() => getComputedStyle(document.body).color);
    expect(luminance(text)).toBeGreaterThan(0.7);
  });

  it('a light system theme gives a light page', async () => {
    const page = await browser.page({ colorScheme: 'light' });
    await page.goto('/');
    expect(luminance(await background(page))).toBeGreaterThan(0.8);
  });
});
