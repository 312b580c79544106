import { resolveAnchor, type AnchorState, type Resolution } from '../anchors/resolve';
import { collectAnchors, type CorpusAnchor } from '../content/anchors';
import { setNoteFingerprints } from '../content/edit/frontmatter-edits';
import { offsetOf, type TextEdit } from '../content/edit/text-edits';
import { writeEdits } from '../content/edit/write-edits';
import { linesValue, setMapValue } from '../content/edit/yaml-edits';
import { rangeKey } from '../content/excerpt-spec';
import { loadCorpus } from '../content/load';
import type { LoadedNote } from '../content/corpus';
import type { SourceView } from '../content/source-view';

export interface ReanchorEntry {
  label: string;
  annotationId?: string;
  file: string;
  line: number;
  column: number;
  state: AnchorState;
  from: { path: string; lines?: [number, number]; symbol?: string };
  to?: { lines?: [number, number]; symbol?: string };
  detail: string;
}

export interface ReanchorReport {
  entries: ReanchorEntry[];
  /** Symbol links (in notes, bodies, concepts) whose symbol the target no longer has. */
  missingSymbols: Array<{ file: string; id: string }>;
  counts: Record<AnchorState, number>;
  filesWritten: string[];
}

/**
 * Re-resolves every anchor of the corpus against another version of the source. Moved anchors are
 * rewritten in place when `write` is set (lines, symbol ids, note links and excerpt ranges, and
 * the keys of note fingerprints); changed and orphaned anchors are only reported, for a person to
 * rewrite. Fingerprints never change: a moved anchor points at identical text.
 */
export function reanchor(projectRoot: string, current: SourceView, target: SourceView, options: { write: boolean; contentRoot?: string }): ReanchorReport {
  const { corpus } = loadCorpus(projectRoot, options.contentRoot ?? 'annotations');
  const { anchors } = collectAnchors(corpus, current);
  const entries: ReanchorEntry[] = [];
  const edits = new Map<string, TextEdit[]>();
  /** Per note: old fingerprint key → new key, for its moved ranges. */
  const noteRenames = new Map<LoadedNote, Map<string, string>>();
  const addEdit = (file: string, edit: TextEdit | null) => {
    if (edit) edits.set(file, [...(edits.get(file) ?? []), edit]);
  };

  for (const item of anchors) {
    const resolution = resolveAnchor(item.anchor, target.file(item.upstreamPath), target.hashes(item.upstreamPath) ?? undefined);
    entries.push(entryFor(item, resolution));
    if (resolution.state !== 'moved' || !resolution.lines) continue;
    if (item.home.kind === 'yaml') {
      if (item.anchor.lines) addEdit(item.file, setMapValue(item.home.source, item.home.path, 'lines', linesValue(resolution.lines)));
      if (item.anchor.symbol && resolution.symbol && resolution.symbol !== item.anchor.symbol) addEdit(item.file, setMapValue(item.home.source, item.home.path, 'symbol', resolution.symbol));
    } else {
      const { note, key } = item.home;
      const newKey = rangeKey(item.upstreamPath, resolution.lines);
      noteRenames.set(note, (noteRenames.get(note) ?? new Map()).set(key, newKey));
      for (const use of item.home.uses) {
        if (use.kind === 'link') {
          const start = offsetOf(note.text, use.ref.line, use.ref.column);
          const oldUrl = `code:${item.upstreamPath}#L${key.split('#L')[1]}`;
          const at = note.text.indexOf(oldUrl, start);
          if (at >= 0) addEdit(note.file, { start: at, end: at + oldUrl.length, text: `code:${newKey}` });
        } else {
          const position = use.positions.get('lines');
          if (!position) continue;
          const start = offsetOf(note.text, position.line, position.column);
          addEdit(note.file, { start, end: start + position.length, text: resolution.lines[0] === resolution.lines[1] ? String(resolution.lines[0]) : `${resolution.lines[0]}-${resolution.lines[1]}` });
        }
      }
    }
  }
  // Renamed from the original entries in one pass: a range may move onto another range's old key.
  for (const [note, renames] of noteRenames) {
    const entries = Object.entries(note.frontmatter.fingerprints ?? {});
    const keys = new Map(entries.filter(([key]) => !renames.has(key)));
    for (const [key, fingerprint] of entries) if (renames.has(key)) keys.set(renames.get(key)!, fingerprint);
    addEdit(note.file, setNoteFingerprints(note, keys));
  }

  const missingSymbols: ReanchorReport['missingSymbols'] = [];
  const checkSymbol = (file: string, id: string) => {
    if (!target.symbol(id)) missingSymbols.push({ file, id });
  };
  for (const note of corpus.notes) for (const ref of note.outline.refs) if (ref.kind === 'symbol') checkSymbol(note.file, ref.id);
  for (const concept of corpus.concepts) for (const id of concept.data.symbols ?? []) checkSymbol(concept.file, id);

  const filesWritten = options.write ? writeEdits(projectRoot, edits) : [];
  const counts: Record<AnchorState, number> = { exact: 0, moved: 0, changed: 0, orphaned: 0 };
  for (const entry of entries) counts[entry.state]++;
  return { entries, missingSymbols, counts, filesWritten };
}

function entryFor(item: CorpusAnchor, resolution: Resolution): ReanchorEntry {
  const lines = item.anchor.lines ? ([...item.anchor.lines] as [number, number]) : undefined;
  return {
    label: item.label,
    annotationId: item.annotationId,
    file: item.file,
    line: item.line,
    column: item.column,
    state: resolution.state,
    from: { path: item.upstreamPath, lines, symbol: item.anchor.symbol },
    to: resolution.lines || resolution.symbol ? { lines: resolution.lines, symbol: resolution.symbol } : undefined,
    detail: resolution.detail,
  };
}
