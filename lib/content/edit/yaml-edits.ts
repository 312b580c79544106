import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import { nodeAt, type Path, type YamlSource } from '../yaml-file';
import type { TextEdit } from './text-edits';

/**
 * Sets `key: value` in the mapping at `mapPath`, touching nothing else: an existing value is
 * replaced where it stands; a new key goes right after `after` (or at the end), indented like its
 * neighbours, in block or flow style as the mapping is written. Offsets are in `source.text`;
 * `base` shifts them when that text sits inside a larger file.
 */
export function setMapValue(source: YamlSource, mapPath: Path, key: string, value: string, after: readonly string[] = [], base = 0): TextEdit | null {
  const map = nodeAt(source, mapPath);
  if (!isMap(map)) return null;
  const pairs = map.items as Array<Pair<unknown, unknown>>;
  const existing = pairs.find((pair) => keyOf(pair) === key);
  const existingValue = existing?.value as { range?: [number, number, number] } | undefined;
  if (existingValue?.range) return { start: base + existingValue.range[0], end: base + existingValue.range[1], text: value };

  // After the last of the named keys present; at the end when none of them is.
  const named = after.map((k) => pairs.findIndex((pair) => keyOf(pair) === k)).filter((i) => i >= 0);
  const anchorIndex = named.length > 0 ? Math.max(...named) : pairs.length - 1;
  const anchorPair = pairs[anchorIndex];
  const anchorValue = anchorPair?.value as { range?: [number, number, number] } | undefined;
  if (!anchorPair || !anchorValue?.range) return null;
  if ((map as YAMLMap).flow) return { start: base + anchorValue.range[1], end: base + anchorValue.range[1], text: `, ${key}: ${value}` };
  const next = pairs[anchorIndex + 1];
  const indent = ' '.repeat(columnOf(source.text, keyStart(pairs[0]!)));
  if (next) {
    // On the line after the named key's value (and its trailing comment), so a comment line above
    // the next key stays with that key.
    const end = anchorValue.range[1];
    const lineStart = source.text[end - 1] === '\n' ? end : source.text.indexOf('\n', end) + 1;
    if (lineStart > 0 && lineStart <= keyStart(next)) return { start: base + lineStart, end: base + lineStart, text: `${indent}${key}: ${value}\n` };
    const nextLine = source.text.lastIndexOf('\n', keyStart(next)) + 1;
    return { start: base + nextLine, end: base + nextLine, text: `${indent}${key}: ${value}\n` };
  }
  return { start: base + anchorValue.range[1], end: base + anchorValue.range[1], text: `\n${indent}${key}: ${value}` };
}

function keyOf(pair: Pair<unknown, unknown>): unknown {
  return isScalar(pair.key) ? pair.key.value : undefined;
}

function keyStart(pair: Pair<unknown, unknown>): number {
  return (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Flow-sequence form of a line range, as authors write it. */
export function linesValue(lines: readonly [number, number]): string {
  return lines[0] === lines[1] ? String(lines[0]) : `[${lines[0]}, ${lines[1]}]`;
}
