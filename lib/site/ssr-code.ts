/**
 * Hands the server-rendered lines of a file from the page (a server component) to the code view
 * (a client component) during server rendering, without passing them as a prop. A prop would be
 * serialized into the page's React payload and sent a second time; this way the browser receives
 * the lines once, as HTML, and the code view reads them back from the DOM.
 *
 * Both renderers run in one process per request (and per prerendered page), so a process-wide map
 * keyed by source stamp and path carries the HTML across. The map keeps the latest few files.
 */
const KEY = Symbol.for('rocketmq-learning.ssr-code');
const LIMIT = 64;

type Store = Map<string, string>;

function store(): Store {
  const holder = globalThis as unknown as Record<symbol, Store | undefined>;
  return (holder[KEY] ??= new Map());
}

export function ssrCodeKey(stamp: string, path: string): string {
  return `${stamp}:${path}`;
}

export function putSsrCode(key: string, html: string): void {
  const map = store();
  map.delete(key);
  map.set(key, html);
  while (map.size > LIMIT) map.delete(map.keys().next().value!);
}

export function getSsrCode(key: string): string {
  return store().get(key) ?? '';
}
