import type { useRouter } from 'next/navigation';

const PENDING = 'rocketmq:pending-lines';

/**
 * Client-side navigation to a code view with a line fragment. The App Router drops the fragment
 * when the target page comes from the prerendered cache, so the fragment travels in session
 * storage and the code view puts it back into the URL when it mounts.
 */
export function navigateTo(router: ReturnType<typeof useRouter>, href: string): void {
  const hashAt = href.indexOf('#');
  if (hashAt < 0 || !href.startsWith('/code/')) {
    router.push(href);
    return;
  }
  try {
    sessionStorage.setItem(PENDING, JSON.stringify({ path: href.slice(0, hashAt), hash: href.slice(hashAt) }));
  } catch {
    window.location.assign(href);
    return;
  }
  router.push(href);
}

/** The fragment a navigation left for this page, once; the URL is updated to carry it. */
export function takePendingHash(): string | null {
  try {
    const raw = sessionStorage.getItem(PENDING);
    if (!raw) return null;
    sessionStorage.removeItem(PENDING);
    const pending = JSON.parse(raw) as { path: string; hash: string };
    if (decodeURIComponent(pending.path) !== decodeURIComponent(window.location.pathname)) return null;
    if (!window.location.hash) window.history.replaceState(window.history.state, '', pending.hash);
    return pending.hash;
  } catch {
    return null;
  }
}
