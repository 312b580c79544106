import { describe, expect, it } from 'vitest';
import type { SiteData } from '@/lib/site/types';
import { readSiteData } from './harness';
import { allInViewport, COMMITLOG, codeUrl, editorReady, eventually, markedLines, range, rangeMarked, setupBrowser } from './fixtures';

const browser = setupBrowser();

const site = readSiteData<SiteData>();

describe('notes and code', () => {
  it('every note shows its excerpts and byte layouts as rendered HTML, never as escaped markup', async () => {
    const page = await browser.page();
    const problems: string[] = [];
    for (const chapter of site.book) {
      await page.goto(`/notes/${chapter.slug}`);
      const text = await page.locator('article').innerText();
      const markup = text.match(/<\/?(span|p|code|em|strong|a)\b[^>]*>/g) ?? [];
      if (markup.length > 0) problems.push(`/notes/${chapter.slug}: ${markup.length} tags shown as text, e.g. ${markup.slice(0, 3).join(' ')}`);
      const excerpts = await page.locator('figure.excerpt').count();
      const numbered = await page.locator('figure.excerpt pre .ln').count();
      if (excerpts > 0 && numbered === 0) problems.push(`/notes/${chapter.slug}: ${excerpts} excerpts without line-number elements`);
    }
    expect(problems).toEqual([]);
  });

  it("the first excerpt of /notes/commitlog opens its lines, and the code view's citations lead back", async () => {
    const page = await browser.page();
    const response = await page.goto('/notes/commitlog');
    expect(response?.status()).toBe(200);
    const figure = page.locator('figure.excerpt').first();
    const link = figure.locator('a.excerpt-link');
    const href = (await link.getAttribute('href')) ?? '';
    const target = /^\/code\/(.+)#L(\d+)-L(\d+)$/.exec(href);
    expect(target, `excerpt link ${href}`).not.toBeNull();
    const [, path, from, to] = target!;
    // The excerpt shows the same lines it links to, as highlighted code (soft: the link is checked either way).
    expect.soft(await figure.locator('pre').innerText(), 'the excerpt shows code, not escaped markup').not.toMatch(/<span|<\/span>/);
    const shown = await figure.locator('.ln').evaluateAll((numbers) => numbers.map((n) => n.textContent ?? ''));
    expect.soft(shown.map(Number), 'line numbers of the excerpt').toEqual(range(Number(from), Number(to)));

    await link.click();
    await page.waitForURL((url) => url.pathname === `/code/${path}`);
    expect(new URL(page.url()).hash).toBe(`#L${from}-L${to}`);
    await editorReady(page);
    await eventually(() => markedLines(page, 'sel')).toEqual(range(Number(from), Number(to)));

    // That file's page says which sections of the notes cite it, commitlog among them.
    const cited = page.locator('.file-context details');
    await cited.locator('summary').click();
    const back = cited.locator('a[href^="/notes/commitlog#"]');
    expect(await back.count()).toBeGreaterThan(0);
  });

  it('CommitLog.java lists the CommitLog sections citing it, and they link back to the note', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    const cited = page.locator('.file-context details');
    const summary = await cited.locator('summary').innerText();
    expect(summary).toMatch(/^Cited in \d+ sections? of the design notes$/);
    await cited.locator('summary').click();
    const links = cited.locator('a[href^="/notes/commitlog#"]');
    const labels = await links.allInnerTexts();
    expect(labels.length).toBeGreaterThan(2);
    for (const label of labels) expect(label).toMatch(/^CommitLog › /);
    expect(labels).toContain('CommitLog › The write path');

    // Each cited range jumps to its lines on this page.
    const item = cited.locator('li', { has: page.locator('a[href="/notes/commitlog#the-write-path"]') });
    const rangeLink = item.locator('a.range-link').first();
    const rangeHref = (await rangeLink.getAttribute('href')) ?? '';
    const lines = /^#L(\d+)(?:-L(\d+))?$/.exec(rangeHref);
    expect(lines, `range link ${rangeHref}`).not.toBeNull();
    await rangeLink.click();
    await eventually(() => page.evaluate(() => location.hash)).toBe(rangeHref);
    await eventually(() => rangeMarked(page, 'sel', Number(lines![1]), Number(lines![2] ?? lines![1]))).toBe('ok');
    const first = page.locator('.cm-lineNumbers .cm-gutterElement').filter({ hasText: new RegExp(`^${lines![1]}$`) });
    await eventually(() => allInViewport(first)).toBe(true);

    await links.filter({ hasText: 'The write path' }).click();
    await page.waitForURL((url) => url.pathname === '/notes/commitlog' && url.hash === '#the-write-path');
    const heading = page.locator('#the-write-path');
    await eventually(() => heading.evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(200);
    expect(await heading.innerText()).toBe('The write path');
  });
});
