import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { stringify } from 'yaml';
import { fingerprintOf } from '@/lib/anchors/fingerprint';
import { SourceView } from '@/lib/content/source-view';
import { currentStamp, readIndex } from '@/lib/index/read';
import { buildSite } from '@/lib/site/build';
import type { SiteData } from '@/lib/site/types';
import { writeSiteData } from '@/lib/site/write';
import { makeTempDir, PROJECT_ROOT, readSiteData, startServer, type RunningServer } from './harness';
import { editorReady, eventually, setupBrowser } from './fixtures';

/*
 * Author content is untrusted input to the renderer: whatever an annotation, a note or a diagram
 * says, it must never run script in a reader's browser. The real content is not hostile, so this
 * builds site data from a hostile content folder in a temporary project and serves it with a second
 * `next start` of the same build (a private copy of it: pages rendered on demand are cached inside
 * .next/server, and the hostile ones must not end up in the project's build).
 */

/** Not annotated by the real content, so its page is not prebuilt: it is rendered from the hostile data. */
const TARGET = 'store/src/main/java/org/apache/rocketmq/store/RunningFlags.java';
/** A note the build prerendered; its prebuilt files are dropped from the copy so it renders from the hostile data. */
const NOTE = 'overview';
const ANCHOR: [number, number] = [20, 24];

const PAYLOADS = [
  '<script>window.__pwned=1;alert("script")</script>',
  '<img src=x onerror="window.__pwned=1;alert(\'img\')">',
  '[x](javascript:window.__pwned=1;alert(1))',
  '<a href="javascript:window.__pwned=1">raw link</a>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '[data](data:text/html,<script>window.__pwned=1</script>)',
  '<svg onload="window.__pwned=1;alert(\'svg\')"></svg>',
].join('\n\n');

const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" onload="window.__pwned=1;alert('diagram')">
  <script>window.__pwned=1;alert('diagram script')</script>
  <style>rect { fill: url("javascript:alert(1)") }</style>
  <a href="javascript:window.__pwned=1;alert('svg link')"><text id="evil-text" x="10" y="20" onclick="window.__pwned=1;alert('click')">click me</text></a>
  <rect id="evil-rect" x="10" y="40" width="80" height="40" onmouseover="window.__pwned=1;alert('hover')" />
  <foreignObject x="0" y="0" width="100" height="100"><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned=1;alert('fo')" /></foreignObject>
  <use href="data:image/svg+xml,&lt;svg onload='alert(1)'/&gt;" />
</svg>
`;

const browser = setupBrowser();
let root = '';
let server: RunningServer | undefined;
let site: SiteData | undefined;

function writeFile(relative: string, text: string): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

beforeAll(async () => {
  const real = readSiteData<SiteData>();
  expect(real.files[TARGET], `${TARGET} must not be annotated by the real content`).toBeUndefined();
  expect(real.notes[NOTE], `the real content has a note ${NOTE}`).toBeDefined();
  const prerendered = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, '.next', 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> };
  expect(Object.keys(prerendered.routes), `the build did not prerender /code/${TARGET}`).not.toContain(`/code/${TARGET}`);
  expect(Object.keys(prerendered.routes)).toContain(`/notes/${NOTE}`);

  root = makeTempDir('hostile');
  fs.copyFileSync(path.join(PROJECT_ROOT, 'upstream.json'), path.join(root, 'upstream.json'));
  fs.mkdirSync(path.join(root, '.data'));
  fs.copyFileSync(path.join(PROJECT_ROOT, '.data', 'current.json'), path.join(root, '.data', 'current.json'));
  fs.symlinkSync(path.join(PROJECT_ROOT, '.data', 'index'), path.join(root, '.data', 'index'), 'dir');

  const saved = process.env.ROCKETMQ_LEARNING_ROOT;
  process.env.ROCKETMQ_LEARNING_ROOT = root;
  try {
    const stamp = currentStamp();
    const index = stamp ? readIndex(stamp) : null;
    if (!index) throw new Error('no current source index');
    const source = new SourceView(index);
    const lines = source.file(TARGET)?.lines;
    if (!lines) throw new Error(`${TARGET} is not in the index`);
    writeFile(
      `annotations/${TARGET}.yaml`,
      stringify({
        summary: `Hostile summary ${PAYLOADS}`,
        annotations: [
          {
            id: 'hostile-annotation',
            lines: ANCHOR,
            fingerprint: fingerprintOf(lines.slice(ANCHOR[0] - 1, ANCHOR[1])),
            title: 'Hostile <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">',
            body: `Body with payloads.\n\n${PAYLOADS}\n\n[a note link](note:${NOTE})`,
          },
        ],
      }),
    );
    writeFile(
      `annotations/notes/${NOTE}.md`,
      `---\n${stringify({ title: 'Hostile <script>window.__pwned=1</script>', chapter: 1, summary: `Summary <img src=x onerror="window.__pwned=1"> [x](javascript:window.__pwned=1)` })}---\n\n## Payloads\n\n${PAYLOADS}\n\n![An evil diagram](diagram:evil)\n\n[back to the code](code:${TARGET}#L${ANCHOR[0]}-L${ANCHOR[1]})\n`,
    );
    writeFile('annotations/diagrams/evil.svg', EVIL_SVG);
    site = buildSite(root, source);
    writeSiteData(site);
  } finally {
    if (saved === undefined) delete process.env.ROCKETMQ_LEARNING_ROOT;
    else process.env.ROCKETMQ_LEARNING_ROOT = saved;
  }

  server = await startServer({
    dataRoot: root,
    buildCopy: path.join(root, 'app'),
    prepareCopy: (dir) => {
      // Drop the prerendered note and home page so they render from the hostile data too.
      const app = path.join(dir, '.next', 'server', 'app');
      for (const base of [path.join(app, 'notes', NOTE), path.join(app, 'index')]) {
        for (const suffix of ['.html', '.rsc', '.meta', '.segments']) fs.rmSync(base + suffix, { recursive: true, force: true });
      }
    },
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Watches a page for any sign that content ran script. */
function watch(page: Page): { dialogs: string[] } {
  const seen = { dialogs: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return seen;
}

/** Script-capable markup that came from the content (Next.js's own scripts carry the payload text only as escaped data). */
async function executableContent(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    scripts: [...document.querySelectorAll('script')].filter((s) => /__pwned/.test(s.textContent ?? '') && !/^\s*(self\.__next_f|\(self\.__next_f)/.test(s.textContent ?? '')).length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.outerHTML.slice(0, 120)),
    javascriptUrls: [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')]
      .filter((e) => [...e.attributes].some((a) => /^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value)))
      .map((e) => e.outerHTML.slice(0, 120)),
    frames: document.querySelectorAll('iframe, object, embed, foreignObject').length,
  }));
}

async function expectNothingRan(page: Page, seen: { dialogs: string[] }, where: string): Promise<void> {
  const found = await executableContent(page);
  expect(found.pwned, `${where}: window.__pwned`).toBeUndefined();
  expect(seen.dialogs, `${where}: dialogs`).toEqual([]);
  expect(found.scripts, `${where}: <script> elements with content script`).toBe(0);
  expect(found.handlers, `${where}: elements with event-handler attributes`).toEqual([]);
  expect(found.javascriptUrls, `${where}: javascript: or data: URLs`).toEqual([]);
  expect(found.frames, `${where}: frames or foreign objects`).toBe(0);
}

describe('hostile content', () => {
  it('the hostile content was built into site data (the test is meaningful)', () => {
    const annotation = site?.files[TARGET]?.annotations[0];
    expect(annotation?.state).toBe('exact');
    expect(annotation?.lines).toEqual(ANCHOR);
    expect(site?.notes[NOTE]?.html).toContain('<svg');
    for (const html of [annotation?.bodyHtml ?? '', site?.files[TARGET]?.summaryHtml ?? '', site?.notes[NOTE]?.html ?? '']) {
      expect(html).not.toMatch(/<script|onerror|onload|onclick|onmouseover|javascript:|<iframe|<foreignObject/i);
    }
  });

  it('an annotation with script, handlers and javascript: links runs nothing on a page rendered on demand', async () => {
    const page = await browser.page({ baseURL: server!.url });
    const seen = watch(page);
    const response = await page.goto(`/code/${TARGET}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['x-nextjs-cache'], 'rendered on demand, not from the build').not.toBe('HIT');
    await editorReady(page);
    const card = page.locator('.annotation-card');
    expect(await card.count()).toBe(1);
    // The title is shown as text, markup and all.
    expect(await card.locator('h2').innerText()).toContain('<script>window.__pwned=1</script>');
    expect(await page.locator('.file-summary').innerText()).toContain('Hostile summary');
    await card.click({ position: { x: 20, y: 40 } });
    await eventually(() => card.getAttribute('class')).toContain('active');
    for (const scope of ['.annotation-card.active .body', '.file-summary']) {
      const links = page.locator(`${scope} a`);
      for (let i = 0; i < (await links.count()); i++) {
        const href = (await links.nth(i).getAttribute('href')) ?? '';
        if (href.startsWith('/')) continue; // site links navigate away; checked by their own pages
        await links.nth(i).click({ timeout: 5000 }).catch(() => undefined);
      }
    }
    // The text of the payload link stays, as plain text.
    expect(await page.locator('.annotation-card.active .body').innerText()).toContain('x');
    await page.waitForTimeout(300);
    await expectNothingRan(page, seen, TARGET);
  });

  it('a note with script, handlers, javascript: links and an SVG diagram with onload runs nothing', async () => {
    const page = await browser.page({ baseURL: server!.url });
    const seen = watch(page);
    const response = await page.goto(`/notes/${NOTE}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText(), 'the note rendered from the hostile data').toContain('Hostile <script>');
    const svg = page.locator('figure.diagram svg');
    expect(await svg.count(), 'the diagram is drawn').toBe(1);
    await page.locator('figure.diagram text').first().click({ timeout: 5000 }).catch(() => undefined);
    await page.locator('figure.diagram rect').first().hover({ timeout: 5000 }).catch(() => undefined);
    const links = page.locator('article a:not([href^="/"]):not([href^="#"])');
    for (let i = 0; i < (await links.count()); i++) await links.nth(i).click({ timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    await expectNothingRan(page, seen, `/notes/${NOTE}`);

    // The home page lists the hostile chapter title and summary.
    const home = await browser.page({ baseURL: server!.url });
    const homeSeen = watch(home);
    await home.goto('/');
    expect(await home.locator('.chapter-list').innerText()).toContain('Hostile <script>');
    await home.waitForTimeout(300);
    await expectNothingRan(home, homeSeen, 'home page');
  });
});
