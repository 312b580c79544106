import { fingerprintOf } from '../anchors/fingerprint';
import { schemaCommentFor } from '../content/paths';
import type { OutlineEntry } from './types';

/**
 * A ready-to-paste annotation for selected lines: the innermost declaration around them as the
 * symbol, the fingerprint already computed (the same function the checker uses), and placeholders
 * for the prose. Runs in the browser and in tests.
 */
export function annotationSnippet(options: {
  path: string;
  lines: readonly [number, number];
  fileLines: readonly string[];
  outline: readonly OutlineEntry[];
  /** Whether annotations/<path>.yaml exists already (then only the entry is needed). */
  fileExists: boolean;
}): string {
  const { path, lines } = options;
  const symbol = innermostAround(options.outline, lines);
  const fingerprint = fingerprintOf(options.fileLines.slice(lines[0] - 1, lines[1]));
  const base = (path.split('/').pop() ?? 'file').replace(/\.java$/, '');
  const id = `${kebab(base)}-${lines[0]}`;
  const entry = [
    `  - id: ${id}`,
    ...(symbol ? [`    symbol: ${symbol.id}`] : []),
    `    lines: ${lines[0] === lines[1] ? lines[0] : `[${lines[0]}, ${lines[1]}]`}`,
    `    fingerprint: ${JSON.stringify(fingerprint)}`,
    `    title: One line that names the point`,
    `    body: |`,
    `      Why the code is like this, what would break otherwise, and how it connects to the rest.`,
  ].join('\n');
  if (options.fileExists) return entry + '\n';
  const file = `annotations/${path}.yaml`;
  return `${schemaCommentFor(file)}\nannotations:\n${entry}\n`;
}

export function innermostAround(outline: readonly OutlineEntry[], lines: readonly [number, number]): OutlineEntry | undefined {
  let best: OutlineEntry | undefined;
  for (const entry of outline) {
    if (entry.start <= lines[0] && lines[1] <= entry.end && (!best || entry.start >= best.start)) best = entry;
  }
  return best;
}

function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}
