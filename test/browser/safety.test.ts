import { describe, expect, it } from 'vitest';
import { rawGet, type RawResponse } from './harness';
import { baseURL, setupBrowser } from './fixtures';

const browser = setupBrowser();

/** Paths that must never reach a file outside the indexed source, nor a file that does not exist. */
const HOSTILE_PATHS = [
  '/code/..%2F..%2Fetc%2Fpasswd',
  '/code/%2e%2e/%2e%2e/etc/passwd',
  '/code//etc/passwd',
  '/code/store/src/main/java/../../../../upstream.json',
  '/code/package.json',
  '/code/store/src/main/java/org/apache/rocketmq/store/NoSuchFile.java',
];

/** Text that only the files these paths aim at contain. */
const SECRETS = [/root:x:0:0/, /"anchorableModules"/, /"devDependencies"/, /"name":\s*"rocketmq-learning"/, /nologin/];

function expectNoSecrets(text: string, where: string): void {
  for (const secret of SECRETS) expect(text, `${where} shows ${secret}`).not.toMatch(secret);
}

/** Follows redirects by hand (a raw path is sent as written, never normalized), at most three. */
async function rawFollow(path: string): Promise<{ chain: string[]; last: RawResponse }> {
  const chain = [path];
  let response = await rawGet(baseURL(), path);
  while (response.status >= 300 && response.status < 400 && chain.length < 4) {
    const location = new URL(String(response.headers.location), baseURL());
    expect(location.origin, `${path} redirects off the site`).toBe(new URL(baseURL()).origin);
    chain.push(location.pathname + location.search);
    response = await rawGet(baseURL(), location.pathname + location.search);
  }
  return { chain, last: response };
}

describe('safety', () => {
  it.each(HOSTILE_PATHS)('%s is a 404 that shows no file', async (path) => {
    const page = await browser.page();
    const response = await page.goto(path);
    expect(response?.status(), `page.goto ${path} → ${page.url()}`).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Not found');
    expectNoSecrets(await page.content(), `the page at ${path}`);
    expect(await page.locator('.code-host, .cm-editor, .code-ssr').count()).toBe(0);

    const fetched = await fetch(new URL(path, baseURL()));
    expect(fetched.status, `fetch ${path} → ${fetched.url}`).toBe(404);
    expectNoSecrets(await fetched.text(), `fetch ${path}`);

    // fetch() and the browser resolve `..` and `%2e%2e` before sending; send the path exactly as written too.
    const raw = await rawFollow(path);
    expect(raw.last.status, `raw GET ${raw.chain.join(' → ')}`).toBe(404);
    expectNoSecrets(raw.last.body, `raw GET ${path}`);
  });
});
