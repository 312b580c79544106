import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COMMITLOG, DEFAULT_MESSAGE_STORE, codeUrl, editorReady, eventually, hydrated, lineNumber, markedLines, setupBrowser } from './fixtures';

const browser = setupBrowser();

/** Brings the pointer to the code (which is what asks for its links) and waits until they are in. */
async function linksReady(page: Page): Promise<void> {
  await page.locator('.cm-content').hover({ position: { x: 40, y: 10 } });
  await page.locator('.code-host[data-links]').waitFor({ state: 'attached' });
}

/** The linked identifier with this text on the line that contains `lineText`. */
function linkOn(page: Page, lineText: string, identifier: string) {
  return page.locator('.cm-line', { hasText: lineText }).locator('.cm-ref', { hasText: new RegExp(`^${identifier}$`) }).first();
}

describe('navigation', () => {
  it('a reader who only reads never downloads the links; the first pointer over the code fetches them once', async () => {
    const page = await browser.page();
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/xrefs')) requested.push(request.url());
    });
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    await hydrated(page);
    await page.mouse.wheel(0, 1200);
    await page.waitForTimeout(300);
    expect(requested, 'no link data before the code is pointed at').toEqual([]);
    await linksReady(page);
    await page.locator('.cm-content').hover({ position: { x: 80, y: 200 } });
    expect(requested).toHaveLength(1);
    expect(Number(await page.locator('.code-host').getAttribute('data-links'))).toBeGreaterThan(1000);
  });

  it('a click on an identifier that lands before the links have arrived is still followed', async () => {
    const page = await browser.page();
    await page.route('**/api/xrefs*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(codeUrl(COMMITLOG, '#L961'));
    await editorReady(page);
    await hydrated(page);
    // The type on line 961 is not yet a link; the click itself asks for the links and is honoured when they come.
    await page.locator('.cm-line', { hasText: 'MappedFile unlockMappedFile = null;' }).getByText('MappedFile', { exact: true }).first().click();
    await page.waitForURL(/\/logfile\/MappedFile\.java#L\d+$/);
  });

  it('clicking a type in CommitLog.java lands on its declaration', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG, '#L961'));
    await editorReady(page);
    await linksReady(page);
    await lineNumber(page, 961);
    // Line 961 declares `MappedFile unlockMappedFile = null;`: the type is a link to the MappedFile interface.
    await linkOn(page, 'MappedFile unlockMappedFile = null;', 'MappedFile').click();
    await page.waitForURL(/\/code\/store\/src\/main\/java\/org\/apache\/rocketmq\/store\/logfile\/MappedFile\.java#L\d+$/);
    const declared = Number(new URL(page.url()).hash.slice(2));
    await editorReady(page);
    await eventually(() => markedLines(page, 'sel')).toEqual([declared]);
    await eventually(() => page.locator('.cm-line.sel').innerText()).toContain('interface MappedFile');
  });

  it('following a local variable stays in the file and selects its declaration', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG, '#L968'));
    await editorReady(page);
    await linksReady(page);
    await lineNumber(page, 968);
    const before = page.url();
    await linkOn(page, 'currOffset = mappedFile.getFileFromOffset() + mappedFile.getWrotePosition();', 'mappedFile').click();
    await eventually(() => markedLines(page, 'sel')).toEqual([962]);
    expect(page.url().split('#')[0]).toBe(before.split('#')[0]);
    expect(new URL(page.url()).hash).toBe('#L962');
  });

  it('hovering shows the signature and counts; the references panel lists uses grouped by file', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG, '#L962'));
    await editorReady(page);
    await linksReady(page);
    await lineNumber(page, 962);
    await linkOn(page, 'MappedFile mappedFile = this.mappedFileQueue.getLastMappedFile();', 'getLastMappedFile').hover();
    const card = page.locator('.hover-card');
    await card.waitFor();
    await eventually(() => card.locator('.hover-signature').innerText()).toContain('getLastMappedFile()');
    await eventually(() => card.innerText()).toContain('MappedFileQueue.java:');
    await card.getByRole('button', { name: /References \(\d+\)/ }).click();
    const panel = page.getByRole('dialog', { name: 'References' });
    await panel.waitFor();
    await eventually(() => panel.innerText()).toMatch(/\d+ references to getLastMappedFile in \d+ files/);
    const groups = panel.locator('.ref-group h3');
    expect(await groups.count()).toBeGreaterThan(3);
    await eventually(() => groups.filter({ hasText: /^CommitLog\.java$/ }).count()).toBe(1);
    // Every listed use is a link to its line.
    const first = panel.locator('.ref-group a').first();
    expect(await first.getAttribute('href')).toMatch(/^\/code\/.+#L\d+$/);
    await page.keyboard.press('Escape');
    await eventually(() => panel.count()).toBe(0);
  });

  it('MessageStore lists DefaultMessageStore among its implementations', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(DEFAULT_MESSAGE_STORE, '#L119'));
    await editorReady(page);
    await linksReady(page);
    await lineNumber(page, 119);
    // `public class DefaultMessageStore implements MessageStore {`: the interface name is a link with a card.
    await linkOn(page, 'public class DefaultMessageStore implements MessageStore', 'MessageStore').hover();
    const card = page.locator('.hover-card');
    await card.waitFor();
    await eventually(() => card.locator('.hover-signature').innerText()).toContain('interface MessageStore');
    await card.getByRole('button', { name: 'Implementations' }).click();
    const panel = page.getByRole('dialog', { name: 'Implementations' });
    await eventually(() => panel.innerText()).toContain('store.DefaultMessageStore');
    // And /symbol/<id> goes to the declaration.
    await page.goto('/symbol/org.apache.rocketmq.store.MessageStore');
    await page.waitForURL(/MessageStore\.java#L\d+$/);
  });

  it('the implementations panel opens from a hover card and lists the implementing class', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG, '#L962'));
    await editorReady(page);
    await linksReady(page);
    // mappedFile is declared as the MappedFile interface, so getFileFromOffset() is an interface method.
    await lineNumber(page, 968);
    await linkOn(page, 'currOffset = mappedFile.getFileFromOffset() + mappedFile.getWrotePosition();', 'getFileFromOffset').hover();
    const card = page.locator('.hover-card');
    await card.waitFor();
    await card.getByRole('button', { name: 'Implementations' }).click();
    const panel = page.getByRole('dialog', { name: 'Implementations' });
    await eventually(() => panel.innerText()).toContain('DefaultMappedFile#getFileFromOffset()');
  });

  it('searches by keyboard from Ctrl-K to a result line', async () => {
    const page = await browser.page();
    await page.goto('/');
    await hydrated(page);
    await page.keyboard.press('Control+k');
    await eventually(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('putMessageLock');
    const options = page.locator('#search-suggestions [role="option"]');
    await options.last().waitFor();
    // The last suggestion is always the full-text search of the code.
    const count = await options.count();
    for (let i = 0; i < count - 1; i++) await page.keyboard.press('ArrowDown');
    await eventually(() => options.last().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=putMessageLock/);
    const firstResult = page.locator('.result-lines a').first();
    await firstResult.waitFor();
    await eventually(() => firstResult.locator('mark').innerText()).toMatch(/putMessageLock/i);
    // Tab reaches the results; Enter opens the line in the code view.
    await firstResult.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/code\/.+#L\d+$/);
    const line = Number(new URL(page.url()).hash.slice(2));
    await editorReady(page);
    await eventually(() => markedLines(page, 'sel')).toEqual([line]);
  });

  it('camel-case symbol search finds asyncPutMessage from aPM', async () => {
    const page = await browser.page();
    const response = await page.request.get('/api/symbols?q=aPM&limit=5');
    const body = (await response.json()) as { results: Array<{ name: string }> };
    expect(body.results.slice(0, 3).map((r) => r.name)).toContain('asyncPutMessage');
  });

  it('the JSON routes answer bad parameters with 400 and a message', async () => {
    const page = await browser.page();
    for (const url of ['/api/search', '/api/search?q=x&limit=0', '/api/search?q=(a)\\1&regex=1', '/api/definition?path=nope&line=1&col=1', `/api/definition?path=${COMMITLOG}&line=x&col=1`, '/api/symbols', '/api/references?symbol=no.Such']) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(400);
      expect(((await response.json()) as { error: string }).error, url).toMatch(/\w/);
    }
    const definition = await page.request.get(`/api/definition?path=${COMMITLOG}&line=962&col=45`);
    expect(await definition.json()).toMatchObject({ kind: 'symbol', target: { id: 'org.apache.rocketmq.store.CommitLog#mappedFileQueue' } });
    const bounded = await page.request.get('/api/search?q=.&regex=1&limit=50');
    expect(await bounded.json()).toMatchObject({ truncated: true, matchCount: 50 });

    const found = (await (await page.request.get('/api/search?q=putMessageLock&case=1')).json()) as { matchCount: number; files: Array<{ path: string; matches: Array<{ line: number; column: number; length: number; preview: string; previewStart: number }> }> };
    const commitLog = found.files.find((file) => file.path === COMMITLOG);
    expect(commitLog, 'CommitLog.java among the files').toBeDefined();
    expect(found.files.reduce((sum, file) => sum + file.matches.length, 0)).toBe(found.matchCount);
    for (const match of commitLog!.matches) expect(match.preview.slice(match.previewStart, match.previewStart + match.length)).toBe('putMessageLock');
  });
});
