import { fingerprintOf } from '../anchors/fingerprint';
import { headerLines } from '../anchors/resolve';
import { collectAnchors, type CorpusAnchor } from '../content/anchors';
import { setNoteFingerprints } from '../content/edit/frontmatter-edits';
import type { TextEdit } from '../content/edit/text-edits';
import { writeEdits } from '../content/edit/write-edits';
import { setMapValue } from '../content/edit/yaml-edits';
import { loadCorpus } from '../content/load';
import { schemaCommentFor } from '../content/paths';
import type { Problem } from '../content/problems';
import type { SourceView } from '../content/source-view';

export interface FixResult {
  filesWritten: string[];
  fingerprintsWritten: number;
  schemaComments: number;
  /** Files left alone because they do not parse; `npm run check` explains why. */
  skipped: Problem[];
}

/**
 * Writes what the tooling owns: the schema comment of annotation files and the fingerprint of
 * every anchor, computed from the pinned source. At the pinned commit a fingerprint that differs
 * can only mean the anchor was edited, so it is refreshed. Everything else in the files is kept
 * byte for byte.
 */
export function fixCorpus(projectRoot: string, source: SourceView, contentRoot = 'annotations'): FixResult {
  const { corpus, problems } = loadCorpus(projectRoot, contentRoot);
  const { anchors } = collectAnchors(corpus, source);
  const edits = new Map<string, TextEdit[]>();
  const addEdit = (file: string, edit: TextEdit | null) => {
    if (!edit) return;
    const list = edits.get(file) ?? [];
    list.push(edit);
    edits.set(file, list);
  };
  let fingerprintsWritten = 0;
  let schemaComments = 0;

  for (const loaded of corpus.annotationFiles) {
    if (loaded.hasSchemaComment) continue;
    const firstLine = loaded.source.text.split('\n', 1)[0] ?? '';
    const comment = schemaCommentFor(loaded.file);
    addEdit(loaded.file, firstLine.startsWith('# yaml-language-server:') ? { start: 0, end: firstLine.length, text: comment } : { start: 0, end: 0, text: comment + '\n' });
    schemaComments++;
  }

  const noteEntries = new Map<string, Map<string, string>>();
  for (const note of corpus.notes) noteEntries.set(note.file, new Map());
  for (const item of anchors) {
    const fingerprint = currentFingerprint(item, source);
    if (!fingerprint) continue;
    if (item.home.kind === 'note') {
      noteEntries.get(item.file)?.set(item.home.key, fingerprint);
      if (item.anchor.fingerprint !== fingerprint) fingerprintsWritten++;
    } else if (item.anchor.fingerprint !== fingerprint) {
      addEdit(item.file, setMapValue(item.home.source, item.home.path, 'fingerprint', JSON.stringify(fingerprint), ['symbol', 'lines']));
      fingerprintsWritten++;
    }
  }
  for (const note of corpus.notes) addEdit(note.file, setNoteFingerprints(note, noteEntries.get(note.file) ?? new Map()));

  const filesWritten = writeEdits(projectRoot, edits);
  const brokenFiles = new Set(problems.map((p) => p.file));
  return { filesWritten, fingerprintsWritten, schemaComments, skipped: problems.filter((p, i, all) => brokenFiles.has(p.file) && all.findIndex((q) => q.file === p.file) === i) };
}

/** The fingerprint the anchor's lines have in the pinned source, or null when they cannot be read. */
function currentFingerprint(item: CorpusAnchor, source: SourceView): string | null {
  const file = source.file(item.upstreamPath);
  if (!file) return null;
  let lines = item.anchor.lines;
  if (!lines && item.anchor.symbol) {
    const symbol = file.symbols.find((s) => s.id === item.anchor.symbol);
    if (symbol) lines = headerLines(symbol);
  }
  if (!lines || lines[0] < 1 || lines[0] > lines[1] || lines[1] > file.lines.length) return null;
  return fingerprintOf(file.lines.slice(lines[0] - 1, lines[1]));
}
