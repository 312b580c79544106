/**
 * The compact form in which /api/xrefs sends a file's links: line numbers as deltas (mostly 0 or
 * 1), paths listed once, targets as small tuples. Decoded in the browser into plain links.
 */
export interface LinksPayload {
  /** Per identifier: line delta from the previous one, column, length, target index. */
  refs: number[];
  paths: string[];
  /** [kind, path index (-1 for none), line, label]: kind 0 symbol (label = its id), 1 local, 2 several candidates (label = ids joined by |). */
  targets: Array<[0 | 1 | 2, number, number, string]>;
}

export interface Link {
  href: string;
  label: string;
  kind: 'symbol' | 'local' | 'ambiguous';
}

export interface DecodedLinks {
  /** Per identifier: line, column, length, target index. */
  refs: number[];
  targets: Link[];
}

export function decodeLinks(payload: LinksPayload): DecodedLinks {
  const refs: number[] = [];
  let line = 0;
  for (let i = 0; i < payload.refs.length; i += 4) {
    line += payload.refs[i]!;
    refs.push(line, payload.refs[i + 1]!, payload.refs[i + 2]!, payload.refs[i + 3]!);
  }
  const targets = payload.targets.map(([kind, pathIndex, targetLine, label]): Link => {
    if (kind === 1) return { href: `#L${targetLine}`, label, kind: 'local' };
    if (kind === 2) return { href: `/api/definition?symbols=${encodeURIComponent(label)}`, label: `${label.split('|').length} candidates`, kind: 'ambiguous' };
    const path = payload.paths[pathIndex];
    return { href: path ? `/code/${path}#L${targetLine}` : '', label, kind: 'symbol' };
  });
  return { refs, targets };
}
