import fs from 'node:fs';
import path from 'node:path';
import type { ElementContent } from 'hast';
import { resolveAnchor, type Resolution } from '../anchors/resolve';
import { collectAnchors, type CorpusAnchor, type ParsedExcerpt } from '../content/anchors';
import type { Corpus, LoadedNote } from '../content/corpus';
import { linesOf } from '../content/excerpt-spec';
import { loadCorpus } from '../content/load';
import { parseMarkdown } from '../content/markdown/parse';
import { classifyUrl, type MarkdownRef } from '../content/markdown/references';
import type { SourceView } from '../content/source-view';
import { isAnchorable } from '../upstream';
import { layoutBlock } from './layout-block';
import { renderMarkdown, type MarkdownTargets } from './render-markdown';
import { diagramBlock, excerptBlock } from './trusted-blocks';
import { SITE_FORMAT, type AnnotationView, type FileContent, type ModuleSummary, type NoteRefView, type Place, type SiteData, type TourPage } from './types';
import { urls } from './urls';

/**
 * Renders and resolves all content against one indexed source for the app: markdown to sanitized
 * HTML, every anchor to its current lines and state, and the cross-links between code, notes,
 * concepts and tours. Content that does not validate is left out (`npm run check` reports it).
 */
export function buildSite(projectRoot: string, source: SourceView, contentRoot = 'annotations'): SiteData {
  const { corpus } = loadCorpus(projectRoot, contentRoot);
  const { anchors, excerpts } = collectAnchors(corpus, source);
  const resolutions = new Map<CorpusAnchor, Resolution>();
  for (const anchor of anchors) resolutions.set(anchor, resolveAnchor(anchor.anchor, source.file(anchor.upstreamPath), source.hashes(anchor.upstreamPath) ?? undefined));
  const annotationPlaces = new Map<string, { path: string; resolution: Resolution }>();
  for (const anchor of anchors) if (anchor.annotationId) annotationPlaces.set(anchor.annotationId, { path: anchor.upstreamPath, resolution: resolutions.get(anchor)! });
  const noteRanges = new Map<string, Resolution>();
  for (const anchor of anchors) if (anchor.home.kind === 'note') noteRanges.set(`${anchor.home.note.slug} ${anchor.home.key}`, resolutions.get(anchor)!);

  const terms = new Map(corpus.concepts.map((c) => [c.slug, c.data.term]));
  const notesBySlug = new Map(corpus.notes.map((n) => [n.slug, n]));
  const sectionTitle = (slug: string, section?: string | null) => notesBySlug.get(slug)?.outline.sections.find((s) => s.id === section)?.title;

  const hrefFor = (noteSlug: string | null) => (url: string): string | undefined => {
    const ref = classifyUrl(url);
    switch (ref.kind) {
      case 'symbol': {
        const found = source.symbol(ref.id);
        return found ? urls.code(found.path, [found.symbol.nameRange[0], found.symbol.nameRange[0]]) : undefined;
      }
      case 'code': {
        if (!source.has(ref.path)) return undefined;
        if (!ref.lines) return urls.code(ref.path);
        const key = `${noteSlug} ${ref.path}#L${ref.lines[0]}${ref.lines[0] === ref.lines[1] ? '' : `-L${ref.lines[1]}`}`;
        const resolution = noteSlug ? noteRanges.get(key) : undefined;
        if (resolution && resolution.state !== 'exact' && resolution.state !== 'moved') return urls.code(ref.path);
        return urls.code(ref.path, resolution?.lines ?? ref.lines);
      }
      case 'note':
        return notesBySlug.has(ref.slug) ? urls.note(ref.slug, ref.fragment) : undefined;
      case 'concept':
        return terms.has(ref.slug) ? urls.concept(ref.slug) : undefined;
      case 'anchor': {
        const place = annotationPlaces.get(ref.id);
        if (!place) return undefined;
        const shown = place.resolution.state === 'exact' || place.resolution.state === 'moved' ? place.resolution.lines : undefined;
        return urls.code(place.path, shown);
      }
      default:
        return undefined;
    }
  };
  const renderInline = (markdown: string) => renderMarkdown(parseMarkdown(markdown), { href: hrefFor(null) });
  const chapterOf = (note: LoadedNote) => ({
    slug: note.slug,
    title: note.frontmatter.title,
    chapter: note.frontmatter.chapter,
    summary: note.frontmatter.summary,
    summaryHtml: unwrapParagraph(renderInline(note.frontmatter.summary)),
    sections: note.outline.sections.filter((s) => s.depth === 2).map(({ id, title, depth }) => ({ id, title, depth })),
  });

  const book = [...corpus.notes].sort((a, b) => a.frontmatter.chapter - b.frontmatter.chapter);
  const notes: SiteData['notes'] = {};
  book.forEach((note, i) => {
    const previous = book[i - 1];
    const next = book[i + 1];
    notes[note.slug] = {
      ...chapterOf(note),
      html: renderMarkdown(note.tree, noteTargets(note, excerpts.get(note) ?? [], source, corpus, projectRoot, hrefFor(note.slug), renderInline, noteRanges)),
      concepts: (note.frontmatter.concepts ?? []).filter((slug) => terms.has(slug)).map((slug) => ({ slug, term: terms.get(slug)! })),
      ...(previous ? { previous: { slug: previous.slug, title: previous.frontmatter.title } } : {}),
      ...(next ? { next: { slug: next.slug, title: next.frontmatter.title } } : {}),
    };
  });

  const files: Record<string, FileContent> = {};
  const fileFor = (upstreamPath: string): FileContent => (files[upstreamPath] ??= { path: upstreamPath, annotations: [], noteRefs: [] });
  for (const loaded of corpus.annotationFiles) {
    if (!source.has(loaded.upstreamPath)) continue;
    const file = fileFor(loaded.upstreamPath);
    if (loaded.data.summary) file.summaryHtml = renderInline(loaded.data.summary);
    for (const annotation of loaded.data.annotations) {
      const resolution = annotationPlaces.get(annotation.id)?.resolution;
      if (!resolution) continue;
      const shown = resolution.state === 'exact' || resolution.state === 'moved';
      const view: AnnotationView = {
        id: annotation.id,
        title: annotation.title,
        bodyHtml: renderInline(annotation.body),
        lines: shown && resolution.lines ? resolution.lines : null,
        state: resolution.state,
        notes: (annotation.notes ?? []).flatMap((ref) => {
          const [slug = '', section] = ref.split('#');
          const note = notesBySlug.get(slug);
          return note ? [{ slug, ...(section ? { section } : {}), title: sectionTitle(slug, section) ?? note.frontmatter.title }] : [];
        }),
        concepts: (annotation.concepts ?? []).filter((slug) => terms.has(slug)).map((slug) => ({ slug, term: terms.get(slug)! })),
        tags: annotation.tags ?? [],
      };
      if (annotation.symbol) view.symbol = resolution.symbol ?? annotation.symbol;
      if (resolution.state !== 'exact') view.stateDetail = resolution.detail;
      file.annotations.push(view);
    }
    file.annotations.sort((a, b) => (a.lines?.[0] ?? Infinity) - (b.lines?.[0] ?? Infinity));
  }
  for (const note of corpus.notes) {
    for (const ref of note.outline.refs) {
      const view = noteRefView(note, ref, source, excerpts.get(note) ?? [], noteRanges, sectionTitle);
      if (view) fileFor(view.path).noteRefs.push(view.ref);
    }
  }

  const concepts: SiteData['concepts'] = {};
  for (const concept of corpus.concepts) {
    const places: Place[] = [];
    for (const id of concept.data.symbols ?? []) {
      const found = source.symbol(id);
      if (found) places.push({ path: found.path, lines: [found.symbol.range[0], found.symbol.range[2]], label: found.symbol.id, kind: 'symbol', href: urls.code(found.path, [found.symbol.nameRange[0], found.symbol.nameRange[0]]) });
    }
    for (const [filePath, file] of Object.entries(files)) {
      for (const annotation of file.annotations) {
        if (annotation.concepts.some((c) => c.slug === concept.slug)) places.push({ path: filePath, ...(annotation.lines ? { lines: annotation.lines } : {}), label: annotation.title, kind: 'annotation', href: urls.code(filePath, annotation.lines ?? undefined) });
      }
    }
    for (const ref of concept.data.notes ?? []) {
      const [slug = '', section] = ref.split('#');
      if (notesBySlug.has(slug)) places.push({ path: '', label: sectionTitle(slug, section) ?? notesBySlug.get(slug)!.frontmatter.title, kind: 'note', href: urls.note(slug, section) });
    }
    concepts[concept.slug] = {
      slug: concept.slug,
      term: concept.data.term,
      aliases: concept.data.aliases ?? [],
      category: concept.data.category,
      definitionHtml: renderInline(concept.data.definition),
      places,
      related: (concept.data.related ?? []).filter((slug) => terms.has(slug)).map((slug) => ({ slug, term: terms.get(slug)! })),
    };
  }

  const tourPages: Record<string, TourPage> = {};
  const tourAnchors = new Map(anchors.filter((a) => a.label.startsWith('tour ')).map((a) => [a.label, a]));
  for (const tour of [...corpus.tours].sort((a, b) => (a.data.order ?? 99) - (b.data.order ?? 99) || a.slug.localeCompare(b.slug))) {
    const stepPages = tour.data.steps.flatMap((step, i) => {
      const place = step.annotation ? annotationPlaces.get(step.annotation) : undefined;
      const anchor = step.at ? tourAnchors.get(`tour ${tour.slug} step ${i + 1}`) : undefined;
      const resolution = place?.resolution ?? (anchor ? resolutions.get(anchor) : undefined);
      const stepPath = place?.path ?? step.at?.path;
      if (!resolution || !stepPath) return [];
      const shown = resolution.state === 'exact' || resolution.state === 'moved';
      return [{ title: step.title, bodyHtml: renderInline(step.body), path: stepPath, ...(shown && resolution.lines ? { lines: resolution.lines } : {}), state: resolution.state, ...(step.annotation ? { annotationId: step.annotation } : {}) }];
    });
    tourPages[tour.slug] = { slug: tour.slug, title: tour.data.title, summary: tour.data.summary, summaryHtml: unwrapParagraph(renderInline(tour.data.summary)), steps: stepPages.length, stepPages };
  }

  const annotationCount = Object.values(files).reduce((sum, f) => sum + f.annotations.length, 0);
  return {
    format: SITE_FORMAT,
    stamp: source.index.manifest.stamp,
    tag: source.index.manifest.tag,
    version: source.index.manifest.version,
    commit: source.index.manifest.commit,
    builtAt: new Date().toISOString(),
    book: book.map(chapterOf),
    notes,
    concepts,
    tours: Object.values(tourPages).map(({ slug, title, summary, summaryHtml, steps }) => ({ slug, title, summary, summaryHtml, steps })),
    tourPages,
    files,
    modules: moduleSummaries(source, files),
    counts: { annotations: annotationCount, annotatedFiles: Object.values(files).filter((f) => f.annotations.length > 0).length, notes: book.length, concepts: corpus.concepts.length, tours: corpus.tours.length },
  };
}

/** A one-paragraph rendering without its <p>, for summaries shown inside other elements. */
function unwrapParagraph(html: string): string {
  const match = /^<p>([\s\S]*)<\/p>$/.exec(html.trim());
  return match ? match[1]! : html;
}

function noteTargets(note: LoadedNote, noteExcerpts: ParsedExcerpt[], source: SourceView, corpus: Corpus, projectRoot: string, href: (url: string) => string | undefined, renderInline: (markdown: string) => string, noteRanges: Map<string, Resolution>): MarkdownTargets {
  return {
    href,
    block(kind, spec, position) {
      if (kind === 'layout') {
        const name = /^\s*name:\s*([\w-]+)/m.exec(spec)?.[1];
        const layout = corpus.layouts.find((l) => l.slug === name);
        return layout ? layoutBlock(layout.data, source, renderInline) : undefined;
      }
      const excerpt = noteExcerpts.find((e) => e.ref.specLine === position.line);
      const resolved = excerpt?.spec ? excerptTarget(excerpt.spec, source, note, noteRanges) : undefined;
      return resolved ? excerptBlock(source, resolved.path, resolved.lines, excerpt?.spec?.caption, resolved.label) : undefined;
    },
    diagram(name, alt): ElementContent | undefined {
      const file = corpus.diagrams.get(name);
      return file ? diagramBlock(fs.readFileSync(path.join(projectRoot, file), 'utf8'), alt) : undefined;
    },
  };
}

function excerptTarget(spec: NonNullable<ParsedExcerpt['spec']>, source: SourceView, note: LoadedNote, noteRanges: Map<string, Resolution>): { path: string; lines: [number, number]; label?: string } | undefined {
  const symbol = spec.symbol ? source.symbol(spec.symbol) : undefined;
  const filePath = spec.path ?? symbol?.path;
  if (!filePath) return undefined;
  const lines = linesOf(spec.lines);
  if (lines) {
    const key = `${note.slug} ${filePath}#L${lines[0]}${lines[0] === lines[1] ? '' : `-L${lines[1]}`}`;
    const resolution = noteRanges.get(key);
    if (resolution && resolution.state !== 'exact' && resolution.state !== 'moved') return undefined;
    return { path: filePath, lines: resolution?.lines ?? lines };
  }
  return symbol ? { path: symbol.path, lines: [symbol.symbol.range[0], symbol.symbol.range[2]], label: symbol.symbol.id.split('.').pop() } : undefined;
}

function noteRefView(note: LoadedNote, ref: MarkdownRef, source: SourceView, noteExcerpts: ParsedExcerpt[], noteRanges: Map<string, Resolution>, sectionTitle: (slug: string, section?: string | null) => string | undefined): { path: string; ref: NoteRefView } | undefined {
  const base = { note: note.slug, noteTitle: note.frontmatter.title, section: ref.section, sectionTitle: ref.section ? (sectionTitle(note.slug, ref.section) ?? null) : null };
  if (ref.kind === 'code' && source.has(ref.path)) {
    const resolution = ref.lines ? noteRanges.get(`${note.slug} ${ref.path}#L${ref.lines[0]}${ref.lines[0] === ref.lines[1] ? '' : `-L${ref.lines[1]}`}`) : undefined;
    const lines = resolution ? (resolution.state === 'exact' || resolution.state === 'moved' ? resolution.lines : undefined) : ref.lines;
    return { path: ref.path, ref: { ...base, kind: 'link', ...(lines ? { lines } : {}) } };
  }
  if (ref.kind === 'symbol') {
    const found = source.symbol(ref.id);
    return found ? { path: found.path, ref: { ...base, kind: 'symbol', symbol: found.symbol.id, lines: [found.symbol.range[0], found.symbol.range[2]] } } : undefined;
  }
  if (ref.kind === 'excerpt') {
    const excerpt = noteExcerpts.find((e) => e.ref === ref);
    const target = excerpt?.spec ? excerptTarget(excerpt.spec, source, note, noteRanges) : undefined;
    return target ? { path: target.path, ref: { ...base, kind: 'excerpt', lines: target.lines } } : undefined;
  }
  return undefined;
}

function moduleSummaries(source: SourceView, files: Record<string, FileContent>): ModuleSummary[] {
  const modules = new Map<string, ModuleSummary>();
  for (const file of source.index.files) {
    const name = file.path.includes('/') ? file.path.split('/')[0]! : '(top level)';
    const summary = modules.get(name) ?? { name, files: 0, javaFiles: 0, annotatedFiles: 0, annotations: 0, anchorable: isAnchorable(`${name}/src/main/java/X.java`) };
    summary.files++;
    if (file.kind === 'java') summary.javaFiles++;
    const annotations = files[file.path]?.annotations.length ?? 0;
    if (annotations > 0) {
      summary.annotatedFiles++;
      summary.annotations += annotations;
    }
    modules.set(name, summary);
  }
  return [...modules.values()].filter((m) => m.javaFiles > 0).sort((a, b) => b.annotations - a.annotations || b.javaFiles - a.javaFiles);
}
