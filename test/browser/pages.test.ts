import { describe, expect, it } from 'vitest';
import type { SiteData } from '@/lib/site/types';
import { readSiteData } from './harness';
import { COMMITLOG, baseURL, codeUrl, hydrated, setupBrowser } from './fixtures';

const browser = setupBrowser();
const site = readSiteData<SiteData>();
const firstConcept = Object.keys(site.concepts).sort()[0] ?? '';
const firstTour = site.tours[0]?.slug ?? '';

const PAGES = [
  '/',
  '/code',
  codeUrl(COMMITLOG),
  codeUrl('store/src/main/java/org/apache/rocketmq/store/StoreUtil.java'),
  '/notes/commitlog',
  '/concepts',
  `/concepts/${firstConcept}`,
  '/tours',
  `/tours/${firstTour}/1`,
  '/no-such-page',
];

describe('every page', () => {
  it.each(PAGES)('page %s has a title, a meta description and the favicon', async (path) => {
    const page = await browser.page();
    const response = await page.goto(path);
    expect(response?.status()).toBe(path.includes('no-such') ? 404 : 200);
    const head = await page.evaluate(() => ({
      titles: document.querySelectorAll('head title').length,
      title: document.title,
      description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? null,
      icon: document.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? null,
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
    }));
    expect(head.titles).toBe(1);
    expect(head.title.trim().length).toBeGreaterThan(5);
    expect(head.title).toMatch(/RocketMQ/);
    expect(head.description?.trim().length ?? 0, 'meta description').toBeGreaterThan(20);
    expect(head.icon, 'favicon link').not.toBeNull();
    expect(head.lang).toBe('en');
    expect(head.h1, 'one h1').toBe(1);
    const icon = await fetch(new URL(head.icon!, baseURL()));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/image\//);
  });

  it('titles and descriptions differ from page to page', async () => {
    const page = await browser.page();
    const seen = new Map<string, string>();
    for (const path of PAGES.filter((p) => !p.includes('no-such'))) {
      await page.goto(path);
      const title = await page.title();
      expect(seen.get(title), `${path} has the same title as ${seen.get(title)}`).toBeUndefined();
      seen.set(title, path);
    }
  });

  it('the home page lists the chapters in order', async () => {
    const page = await browser.page();
    await page.goto('/');
    const chapters = page.locator('ol.chapter-list > li');
    const expected = [...site.book].sort((a, b) => a.chapter - b.chapter);
    expect(await chapters.count()).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(5);
    const numbers = (await chapters.locator('.chapter-number').allInnerTexts()).map(Number);
    expect(numbers).toEqual(expected.map((c) => c.chapter));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    const titles = await chapters.locator('a.chapter-title').evaluateAll((links) => links.map((a) => ({ text: (a.textContent ?? '').replace(/^Chapter \d+: /, ''), href: a.getAttribute('href') })));
    expect(titles).toEqual(expected.map((c) => ({ text: c.title, href: `/notes/${c.slug}` })));
  });

  it("a missing file's 404 page is server-rendered: readable without JavaScript, styled, in English", async () => {
    const page = await browser.page({ javaScriptEnabled: false });
    const response = await page.goto('/code/no/such/File.java');
    expect(response?.status()).toBe(404);
    const shell = await page.evaluate(() => ({
      id: document.documentElement.id,
      lang: document.documentElement.lang,
      stylesheets: document.querySelectorAll('link[rel="stylesheet"]').length,
      text: document.body.innerText,
    }));
    expect(shell.text, 'the 404 message is in the HTML').toContain('Not found');
    expect(shell.id, 'not the client-rendered error shell').not.toBe('__next_error__');
    expect(shell.lang).toBe('en');
    expect(shell.stylesheets).toBeGreaterThan(0);
  });

  it('pages load without uncaught errors or console errors', async () => {
    const page = await browser.page();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    for (const path of PAGES.filter((p) => !p.includes('no-such'))) {
      await page.goto(path);
      await hydrated(page);
      await page.waitForLoadState('networkidle');
    }
    expect(errors).toEqual([]);
  });
});
