import { describe, expect, it } from 'vitest';
import type { SiteData } from '@/lib/site/types';
import { readSiteData } from './harness';
import { COMMITLOG, INDEX_FILE, codeUrl, editorReady, eventually, setupBrowser } from './fixtures';

const browser = setupBrowser();
const site = readSiteData<SiteData>();

describe('file tree', () => {
  it('the Files tab opens the folders of the current file, filters, and navigates', async () => {
    const page = await browser.page();
    await page.goto(codeUrl(COMMITLOG));
    await editorReady(page);
    const panel = page.getByRole('navigation', { name: 'Files and outline' });
    await panel.getByRole('tab', { name: 'Files' }).click();
    expect(await panel.getByRole('tab', { name: 'Files' }).getAttribute('aria-selected')).toBe('true');
    const tree = panel.getByRole('tree', { name: 'Source files' });
    await tree.waitFor();

    // Top-level folders of the source are listed; a folder with a single subfolder shows as one
    // row ("broker/src/main" when, as from the Maven jars, a module holds nothing but src/main).
    const topFolders = await tree.evaluate((root) => [...root.querySelectorAll(':scope > li[role=treeitem] > button .name')].map((e) => e.textContent ?? ''));
    for (const name of ['broker', 'client', 'common', 'store']) expect(topFolders.some((folder) => folder === name || folder.startsWith(`${name}/`)), `${name} in ${topFolders.join(', ')}`).toBe(true);

    // The current file is marked, and every folder above it is open.
    const current = tree.locator('a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.locator('.name').innerText()).toBe('CommitLog.java');
    expect(await current.locator('.count-badge').innerText()).toBe(String(site.files[COMMITLOG]?.annotations.length));
    expect(await current.getAttribute('href')).toBe(codeUrl(COMMITLOG));
    const ancestors = await current.evaluate((link) => {
      const out: Array<{ name: string; expanded: string | null }> = [];
      let item = link.closest('li')?.parentElement?.closest('li[role=treeitem]');
      while (item) {
        out.push({ name: item.querySelector(':scope > button .name')?.textContent ?? '', expanded: item.getAttribute('aria-expanded') });
        item = item.parentElement?.closest('li[role=treeitem]');
      }
      return out.reverse();
    });
    expect(ancestors.map((a) => a.name).join('/')).toBe('store/src/main/java/org/apache/rocketmq/store');
    expect(ancestors.every((a) => a.expanded === 'true')).toBe(true);
    expect(await current.isVisible()).toBe(true);

    // The filter lists matching paths with their annotation counts.
    const expected = site.files[INDEX_FILE]?.annotations.length ?? 0;
    expect(expected, 'IndexFile.java is annotated').toBeGreaterThan(0);
    await panel.getByLabel('Filter files').fill('IndexFile');
    const matches = panel.getByRole('list', { name: 'Matching files' });
    const row = matches.locator(`a[title="${INDEX_FILE}"]`);
    await eventually(() => row.count()).toBe(1);
    expect(await row.locator('.name').innerText()).toBe(INDEX_FILE);
    expect(await row.locator('.count-badge').innerText()).toBe(String(expected));
    expect(await row.locator('.count-badge').getAttribute('aria-label')).toBe(`${expected} annotations`);
    await row.click();
    await page.waitForURL((url) => url.pathname === codeUrl(INDEX_FILE));
    await eventually(() => page.locator('h1').innerText()).toBe('IndexFile.java');
    await editorReady(page);
  });
});
