import fs from 'node:fs';
import path from 'node:path';
import { collectAnchors } from '../content/anchors';
import { loadCorpus } from '../content/load';
import { byPosition, type Problem } from '../content/problems';
import { SourceView } from '../content/source-view';
import { positionOf } from '../content/yaml-file';
import type { LoadedIndex } from '../index/read';
import { loadPin } from '../upstream';
import { checkAnchors } from './check-anchors';
import { checkAnnotationFiles, checkConcepts, checkDiagrams, checkNotes, checkTours, collectAnnotationIds } from './check-content';
import { checkLayouts } from './check-layouts';
import type { CheckContext } from './context';

export interface CheckResult {
  problems: Problem[];
  counts: { annotationFiles: number; annotations: number; notes: number; concepts: number; tours: number; layouts: number; diagrams: number; anchors: number };
}

/**
 * Validates all content against its schemas, itself and the indexed source: every reference
 * resolves and every anchor is exact at the pinned commit.
 */
export function runCheck(projectRoot: string, index: LoadedIndex, contentRoot = 'annotations'): CheckResult {
  const loaded = loadCorpus(projectRoot, contentRoot);
  const corpus = loaded.corpus;
  const context: CheckContext = {
    corpus,
    source: new SourceView(index),
    pin: loadPin(),
    problems: [...loaded.problems],
    annotations: new Map(),
    notes: new Map(corpus.notes.map((n) => [n.slug, n])),
    sections: new Map(corpus.notes.map((n) => [n.slug, new Set(n.outline.sections.map((s) => s.id))])),
    concepts: new Set(corpus.concepts.map((c) => c.slug)),
    layouts: new Set(corpus.layouts.map((l) => l.slug)),
  };
  collectAnnotationIds(context);
  checkAnnotationFiles(context);
  checkNotes(context);
  checkConcepts(context);
  checkTours(context);
  checkLayouts(context);
  checkDiagrams(context, (file) => fs.readFileSync(path.join(projectRoot, file), 'utf8'));
  const collected = collectAnchors(corpus, context.source);
  context.problems.push(...collected.problems);
  checkAnchors(context, collected.anchors);
  checkStaleNoteFingerprints(context, collected.anchors);

  return {
    problems: dedupe(context.problems).sort(byPosition),
    counts: {
      annotationFiles: corpus.annotationFiles.length,
      annotations: corpus.annotationFiles.reduce((sum, f) => sum + f.data.annotations.length, 0),
      notes: corpus.notes.length,
      concepts: corpus.concepts.length,
      tours: corpus.tours.length,
      layouts: corpus.layouts.length,
      diagrams: corpus.diagrams.size,
      anchors: collected.anchors.length,
    },
  };
}

/** A note's recorded fingerprints must all belong to ranges the note still uses. */
function checkStaleNoteFingerprints(context: CheckContext, anchors: ReturnType<typeof collectAnchors>['anchors']): void {
  for (const note of context.corpus.notes) {
    const used = new Set(anchors.flatMap((a) => (a.home.kind === 'note' && a.home.note === note ? [a.home.key] : [])));
    for (const key of Object.keys(note.frontmatter.fingerprints ?? {})) {
      if (!used.has(key)) {
        context.problems.push({ file: note.file, ...positionOf(note.frontmatterSource, ['fingerprints', key]), message: `fingerprint for ${key}, which the note no longer uses`, hint: 'run `npm run annotate -- fix` to drop it' });
      }
    }
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
