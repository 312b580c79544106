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
  const original = query.replace(/\s+/g, '');
  for (let q = 0; q < needle.length; q++) {
    const ch = needle[q]!;
    // An upper-case letter in the query prefers the start of a word in the path (Mes→Message, Sto→Store).
    const wantsHump = original[q] !== ch;
    const hump = wantsHump ? path.indexOf(original[q]!, position + 1) : -1;
    const found = hump >= 0 ? hump : haystack.indexOf(ch, position + 1);
    if (found < 0) return -1;
    streak = found === position + 1 ? streak + 1 : 0;
    const boundary = found === 0 || /[/._-]/.test(haystack[found - 1]!) || (path[found] !== haystack[found] && path[found - 1] === haystack[found - 1]);
    const humpBonus = wantsHump ? (hump >= 0 ? 4 : -2) : 0;
    score += 1 + streak * 2 + (boundary ? 3 : 0) + (found >= nameStart ? 2 : 0) + humpBonus;
    position = found;
  }
  return score - path.length * 0.01;
}
