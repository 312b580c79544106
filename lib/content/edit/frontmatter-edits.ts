import type { LoadedNote } from '../corpus';
import type { TextEdit } from './text-edits';

/**
 * Replaces a note's `fingerprints:` block (or adds one at the end of the frontmatter) with the
 * given entries, sorted. The rest of the frontmatter is left as written.
 */
export function setNoteFingerprints(note: LoadedNote, entries: ReadonlyMap<string, string>): TextEdit | null {
  const text = note.text;
  if (!text.startsWith('---')) return null;
  const bodyStart = text.indexOf('\n') + 1;
  const close = text.indexOf('\n---', bodyStart - 1);
  if (close < 0) return null;
  const end = close + 1;
  const lines = text.slice(bodyStart, end).split('\n');
  if (lines.at(-1) === '') lines.pop();
  const startLine = lines.findIndex((line) => /^fingerprints:\s*$/.test(line) || /^fingerprints:\s*\{\s*\}\s*$/.test(line));
  let kept = lines;
  if (startLine >= 0) {
    let stop = startLine + 1;
    while (stop < lines.length && (lines[stop]!.startsWith(' ') || lines[stop]!.trim() === '')) stop++;
    kept = [...lines.slice(0, startLine), ...lines.slice(stop)];
  }
  const block = entries.size === 0 ? [] : ['fingerprints:', ...[...entries].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`)];
  const replacement = [...kept, ...block].map((line) => line + '\n').join('');
  if (replacement === text.slice(bodyStart, end)) return null;
  return { start: bodyStart, end, text: replacement };
}
