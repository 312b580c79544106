/** `#L120` and `#L120-L140` (1-based, inclusive, either order) to a line range, or null. */
export function parseLineHash(hash: string, lineCount: number): [number, number] | null {
  const match = /^#?L(\d+)(?:-L?(\d+))?$/.exec(hash.trim());
  if (!match) return null;
  const a = Number(match[1]);
  const b = match[2] ? Number(match[2]) : a;
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  if (start < 1 || start > lineCount) return null;
  return [start, Math.min(end, lineCount)];
}

export function formatLineHash(lines: readonly [number, number]): string {
  return lines[0] === lines[1] ? `#L${lines[0]}` : `#L${lines[0]}-L${lines[1]}`;
}
