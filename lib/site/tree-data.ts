/**
 * The file list as the browser receives it (from /api/tree): compact rows of path, kind and the
 * number of annotations. Shared by the file tree, the file finder and the route that serves it.
 */
export type TreeRow = [path: string, kind: 0 | 1 | 2, annotations: number];

export const TREE_KIND = { java: 0, text: 1, binary: 2 } as const;

export interface TreeData {
  stamp: string;
  rows: TreeRow[];
}

/** Scores a path against a typed query: every query character in order, bonus for word starts and the file name. */
export function fuzzyScore(path: string, query: string): number {
  if (!query) return 0;
  const haystack = path.toLowerCase();
  const needle = query.toLowerCase().replace(/\s+/g, '');
  const nameStart = haystack.lastIndexOf('/') + 1;
  let score = 0;
  let position = -1;
  let streak = 0;
  for (const ch of needle) {
    const found = haystack.indexOf(ch, position + 1);
    if (found < 0) return -1;
    streak = found === position + 1 ? streak + 1 : 0;
    const boundary = found === 0 || /[/._-]/.test(haystack[found - 1]!) || (path[found] !== haystack[found] && path[found - 1] === haystack[found - 1]);
    score += 1 + streak * 2 + (boundary ? 3 : 0) + (found >= nameStart ? 2 : 0);
    position = found;
  }
  return score - path.length * 0.01;
}
