import type { TreeData } from '@/lib/site/tree-data';

let pending: Promise<TreeData> | undefined;

/** The file list, fetched once per page load (the URL carries the stamp, so the browser caches it). */
export function loadTree(stamp: string): Promise<TreeData> {
  pending ??= fetch(`/api/tree?v=${encodeURIComponent(stamp)}`).then((response) => {
    if (!response.ok) throw new Error(`file list: HTTP ${response.status}`);
    return response.json() as Promise<TreeData>;
  });
  return pending;
}
