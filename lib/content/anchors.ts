import type { Anchor } from '../anchors/resolve';
import type { Corpus, LoadedNote } from './corpus';
import { ExcerptSpec, linesOf, rangeKey } from './excerpt-spec';
import type { MarkdownRef } from './markdown/references';
import { parseBlockSpec, type BlockSpec } from './block-spec';
import type { Problem } from './problems';
import type { SourceView } from './source-view';
import { positionOf, type Path, type YamlSource } from './yaml-file';

/** Where an anchor is written, so tools can rewrite it in place. */
export type AnchorHome =
  /** A YAML mapping with `symbol`, `lines` and `fingerprint` keys (annotations, tour steps, layout evidence). */
  | { kind: 'yaml'; source: YamlSource; path: Path }
  /** A line range a note links to or excerpts; its fingerprint lives in the note's frontmatter. */
  | { kind: 'note'; note: LoadedNote; key: string; uses: NoteRangeUse[] };

/** One place in a note's markdown that names a line range. */
export type NoteRangeUse =
  | { kind: 'link'; ref: Extract<MarkdownRef, { kind: 'code' }> }
  | { kind: 'excerpt'; ref: Extract<MarkdownRef, { kind: 'excerpt' }>; spec: ExcerptSpec; positions: BlockSpec<ExcerptSpec>['positions'] };

export interface CorpusAnchor {
  /** For messages: "annotation commit-log-append-lock", "tour sending-a-message step 3" ... */
  label: string;
  /** The annotation id, for annotations. */
  annotationId?: string;
  file: string;
  line: number;
  column: number;
  upstreamPath: string;
  anchor: Anchor;
  home: AnchorHome;
}

export interface ParsedExcerpt {
  ref: Extract<MarkdownRef, { kind: 'excerpt' }>;
  spec?: ExcerptSpec;
  positions: BlockSpec<ExcerptSpec>['positions'];
}

export interface CollectedAnchors {
  anchors: CorpusAnchor[];
  /** Problems found while reading excerpt specs. */
  problems: Problem[];
  /** Parsed excerpt specs per note, for the renderer. */
  excerpts: Map<LoadedNote, ParsedExcerpt[]>;
}

/** Every anchor of the corpus: annotations, tour steps, layout evidence, and line ranges in notes. */
export function collectAnchors(corpus: Corpus, source: SourceView): CollectedAnchors {
  const anchors: CorpusAnchor[] = [];
  const problems: Problem[] = [];
  const excerpts: CollectedAnchors['excerpts'] = new Map();

  for (const loaded of corpus.annotationFiles) {
    loaded.data.annotations.forEach((annotation, i) => {
      const path: Path = ['annotations', i];
      anchors.push({
        label: `annotation ${annotation.id}`,
        annotationId: annotation.id,
        file: loaded.file,
        ...positionOf(loaded.source, path),
        upstreamPath: loaded.upstreamPath,
        anchor: toAnchor(annotation),
        home: { kind: 'yaml', source: loaded.source, path },
      });
    });
  }
  for (const tour of corpus.tours) {
    tour.data.steps.forEach((step, i) => {
      if (!step.at) return;
      const path: Path = ['steps', i, 'at'];
      anchors.push({ label: `tour ${tour.slug} step ${i + 1}`, file: tour.file, ...positionOf(tour.source, path), upstreamPath: step.at.path, anchor: toAnchor(step.at), home: { kind: 'yaml', source: tour.source, path } });
    });
  }
  for (const layout of corpus.layouts) {
    layout.data.fields.forEach((field, i) => {
      if (!field.evidence) return;
      const path: Path = ['fields', i, 'evidence'];
      anchors.push({ label: `layout ${layout.slug} field ${field.name}`, file: layout.file, ...positionOf(layout.source, path), upstreamPath: field.evidence.path, anchor: toAnchor(field.evidence), home: { kind: 'yaml', source: layout.source, path } });
    });
    const total = layout.data.total?.evidence;
    if (total) {
      const path: Path = ['total', 'evidence'];
      anchors.push({ label: `layout ${layout.slug} total`, file: layout.file, ...positionOf(layout.source, path), upstreamPath: total.path, anchor: toAnchor(total), home: { kind: 'yaml', source: layout.source, path } });
    }
  }
  for (const note of corpus.notes) {
    const byKey = new Map<string, CorpusAnchor>();
    const noteExcerpts: ParsedExcerpt[] = [];
    excerpts.set(note, noteExcerpts);
    const addUse = (path: string, lines: [number, number], use: NoteRangeUse, at: { line: number; column: number }) => {
      const key = rangeKey(path, lines);
      const existing = byKey.get(key);
      if (existing && existing.home.kind === 'note') {
        existing.home.uses.push(use);
        return;
      }
      const anchor: CorpusAnchor = {
        label: `note ${note.slug} range ${key}`,
        file: note.file,
        ...at,
        upstreamPath: path,
        anchor: { lines, fingerprint: note.frontmatter.fingerprints?.[key] },
        home: { kind: 'note', note, key, uses: [use] },
      };
      byKey.set(key, anchor);
      anchors.push(anchor);
    };
    for (const ref of note.outline.refs) {
      if (ref.kind === 'code' && ref.lines) {
        addUse(ref.path, ref.lines, { kind: 'link', ref }, ref);
      } else if (ref.kind === 'excerpt') {
        const parsed = parseBlockSpec(note.file, ref.spec, ExcerptSpec, { line: ref.specLine, column: ref.specColumn }, 'an excerpt block holds `path:` and `lines: 120-140`, or `symbol: <id>`, and an optional `caption:`, one per line');
        problems.push(...parsed.problems);
        noteExcerpts.push({ ref, spec: parsed.value, positions: parsed.positions });
        const spec = parsed.value;
        if (!spec) continue;
        const lines = linesOf(spec.lines);
        const path = spec.path ?? (spec.symbol ? source.symbol(spec.symbol)?.path : undefined);
        if (path && lines) addUse(path, lines, { kind: 'excerpt', ref, spec, positions: parsed.positions }, ref);
      }
    }
  }
  return { anchors, problems, excerpts };
}

function toAnchor(value: { symbol?: string; lines?: number | [number, number]; fingerprint?: string }): Anchor {
  const lines = typeof value.lines === 'number' ? ([value.lines, value.lines] as const) : value.lines;
  return { symbol: value.symbol, lines, fingerprint: value.fingerprint };
}
