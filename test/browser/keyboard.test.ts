import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_MESSAGE_STORE, codeUrl, eventually, hydrated, setupBrowser } from './fixtures';

const browser = setupBrowser();

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('keyboard', () => {
  it('t opens the file finder, DefMesSto finds DefaultMessageStore.java and Enter opens it', async () => {
    const page = await browser.page();
    await page.goto('/');
    await hydrated(page);
    const finder = page.getByRole('dialog', { name: 'Go to file' });
    expect(await finder.count()).toBe(0);
    await page.keyboard.press('t');
    await finder.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('File path');
    await page.keyboard.type('DefMesSto');
    const options = finder.getByRole('option');
    await eventually(() => options.count()).toBeGreaterThan(0);
    const top = (await options.allInnerTexts()).slice(0, 3);
    const position = top.indexOf(DEFAULT_MESSAGE_STORE);
    expect(position, `${DEFAULT_MESSAGE_STORE} among the first three: ${top.join(', ')}`).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < position; i++) await page.keyboard.press('ArrowDown');
    expect(await options.nth(position).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === codeUrl(DEFAULT_MESSAGE_STORE));
    await eventually(() => page.locator('h1').innerText()).toBe('DefaultMessageStore.java');
    expect(await finder.count()).toBe(0);
  });

  it('/ and Ctrl-K focus the search box', async () => {
    const page = await browser.page();
    await page.goto('/');
    await hydrated(page);
    await page.keyboard.press('/');
    await eventually(() => activeId(page)).toBe('site-search');
    expect(await page.locator('#site-search').inputValue(), 'the / is not typed into the box').toBe('');
    await page.keyboard.press('Escape');
    await eventually(() => activeId(page)).not.toBe('site-search');
    await page.keyboard.press('Control+k');
    await eventually(() => activeId(page)).toBe('site-search');
    expect(await page.locator('#site-search').inputValue()).toBe('');
  });

  it('Esc closes the file finder', async () => {
    const page = await browser.page();
    await page.goto('/');
    await hydrated(page);
    const finder = page.getByRole('dialog', { name: 'Go to file' });
    await page.keyboard.press('t');
    await finder.waitFor();
    await page.keyboard.type('Commit');
    await page.keyboard.press('Escape');
    await eventually(() => finder.count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('Esc closes the file finder when the focus is not in its input', async () => {
    const page = await browser.page();
    await page.goto('/');
    await hydrated(page);
    const finder = page.getByRole('dialog', { name: 'Go to file' });
    await page.keyboard.press('t');
    await finder.waitFor();
    // Clicking the dialog's heading takes the focus out of the input, as a reader's click would.
    await finder.getByRole('heading', { name: 'Go to file' }).click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('INPUT');
    await page.keyboard.press('Escape');
    await eventually(() => finder.count(), 'a modal dialog closes on Esc wherever the focus is inside it').toBe(0);
  });
});
