import { parseMarkdown } from '../content/markdown/parse';
import { outlineOf } from '../content/markdown/references';
import { closest } from '../content/problems';
import { markdownPositionMapper, positionOf, type YamlSource, type Path } from '../content/yaml-file';
import { isAnchorable } from '../upstream';
import { report, type CheckContext } from './context';
import { checkMarkdownRefs } from './markdown-refs';

/** Annotation files: their upstream file, ids, links, note sections and concepts. */
export function checkAnnotationFiles(context: CheckContext): void {
  for (const loaded of context.corpus.annotationFiles) {
    const top = { file: loaded.file, line: 1, column: 1 };
    if (!context.source.has(loaded.upstreamPath)) {
      const base = loaded.upstreamPath.split('/').pop() ?? '';
      const similar = [...context.source.paths()].find((p) => p.endsWith('/' + base));
      report(context, { ...top, message: `there is no upstream file ${loaded.upstreamPath}`, hint: similar ? `did you mean annotations/${similar}.yaml?` : 'the file name mirrors the upstream path plus .yaml' });
      continue;
    }
    if (!isAnchorable(loaded.upstreamPath, context.pin)) {
      report(context, { ...top, message: `${loaded.upstreamPath} is not provided by every upstream route, so it cannot be annotated`, hint: 'annotate main Java sources of published modules only (see anchorableModules in upstream.json)' });
    }
    if (!loaded.hasSchemaComment) report(context, { ...top, message: 'the first line should be the yaml-language-server schema comment', hint: 'run `npm run annotate -- fix`' });
    if (loaded.data.summary) checkMarkdownField(context, loaded.source, ['summary'], loaded.data.summary);
    loaded.data.annotations.forEach((annotation, i) => {
      checkMarkdownField(context, loaded.source, ['annotations', i, 'body'], annotation.body);
      checkNoteRefs(context, loaded.source, ['annotations', i, 'notes'], annotation.notes);
      checkConceptRefs(context, loaded.source, ['annotations', i, 'concepts'], annotation.concepts);
    });
  }
}

/** Every annotation id once across the project; fills context.annotations. */
export function collectAnnotationIds(context: CheckContext): void {
  for (const loaded of context.corpus.annotationFiles) {
    loaded.data.annotations.forEach((annotation, i) => {
      const at = { file: loaded.file, ...positionOf(loaded.source, ['annotations', i, 'id']) };
      const first = context.annotations.get(annotation.id);
      if (first) {
        report(context, { ...at, message: `duplicate annotation id '${annotation.id}'`, hint: `first used at ${first.file}:${first.line}:${first.column}; ids must be unique across the project` });
        return;
      }
      context.annotations.set(annotation.id, { ...at, upstreamPath: loaded.upstreamPath });
    });
  }
}

export function checkNotes(context: CheckContext): void {
  const chapters = new Map<number, string>();
  for (const note of context.corpus.notes) {
    const chapter = note.frontmatter.chapter;
    const taken = chapters.get(chapter);
    if (taken) report(context, { file: note.file, ...positionOf(note.frontmatterSource, ['chapter']), message: `chapter ${chapter} is also ${taken}`, hint: 'give each note its own chapter number' });
    chapters.set(chapter, note.slug);
    checkConceptRefs(context, note.frontmatterSource, ['concepts'], note.frontmatter.concepts);
    const h1 = note.outline.sections.find((s) => s.depth === 1);
    if (h1) report(context, { file: note.file, line: h1.line, column: 1, message: 'a note has no level-1 heading: its title comes from the frontmatter', hint: 'start sections at ## (level 2)' });
    checkMarkdownRefs(context, note.file, note.outline.refs, (line, column) => ({ line, column }), { blocks: true });
  }
}

export function checkConcepts(context: CheckContext): void {
  for (const concept of context.corpus.concepts) {
    checkMarkdownField(context, concept.source, ['definition'], concept.data.definition);
    concept.data.symbols?.forEach((id, i) => {
      if (!context.source.symbol(id)) {
        const guess = closest(id.replace(/\s+/g, ''), context.source.symbolIds());
        report(context, { file: concept.file, ...positionOf(concept.source, ['symbols', i]), message: `symbol '${id}' not found in the source`, hint: guess ? `did you mean '${guess}'?` : 'copy ids from `npm run outline -- <path>`' });
      }
    });
    checkNoteRefs(context, concept.source, ['notes'], concept.data.notes);
    checkConceptRefs(context, concept.source, ['related'], concept.data.related);
  }
}

export function checkTours(context: CheckContext): void {
  for (const tour of context.corpus.tours) {
    tour.data.steps.forEach((step, i) => {
      const at = { file: tour.file, ...positionOf(tour.source, ['steps', i]) };
      if (Boolean(step.annotation) === Boolean(step.at)) {
        report(context, { ...at, message: `step ${i + 1} needs exactly one of \`annotation\` and \`at\``, hint: 'point at an annotation id, or anchor the step with at: { path, symbol, lines }' });
      }
      if (step.annotation && !context.annotations.has(step.annotation)) {
        report(context, { file: tour.file, ...positionOf(tour.source, ['steps', i, 'annotation']), message: `annotation '${step.annotation}' does not exist`, hint: hintFrom(closest(step.annotation, context.annotations.keys())) });
      }
      checkMarkdownField(context, tour.source, ['steps', i, 'body'], step.body);
    });
  }
}

export function checkDiagrams(context: CheckContext, readDiagram: (file: string) => string): void {
  for (const [name, file] of context.corpus.diagrams) {
    const svg = readDiagram(file);
    const danger = [/<script/i, /\son[a-z]+\s*=/i, /javascript:/i, /<foreignObject/i, /<style/i, /(href|src)\s*=\s*["']\s*(https?:)?\/\//i].find((pattern) => pattern.test(svg));
    if (!svg.trimStart().startsWith('<svg') && !svg.trimStart().startsWith('<?xml')) report(context, { file, line: 1, column: 1, message: `diagram '${name}' is not an SVG document` });
    if (danger) {
      const offset = svg.search(danger);
      const line = svg.slice(0, offset).split('\n').length;
      report(context, { file, line, column: 1, message: `diagram '${name}' contains something a picture must not (${danger.source})`, hint: 'diagrams are plain SVG, inlined into the page: no scripts, event handlers, embedded HTML, <style> elements (use fill/stroke/font-size attributes and currentColor) or external references' });
    }
  }
}

function checkMarkdownField(context: CheckContext, source: YamlSource, path: Path, markdown: string): void {
  const refs = outlineOf(parseMarkdown(markdown)).refs;
  if (refs.length > 0) checkMarkdownRefs(context, source.file, refs, markdownPositionMapper(source, path), { blocks: false });
}

function checkNoteRefs(context: CheckContext, source: YamlSource, path: Path, refs: readonly string[] | undefined): void {
  refs?.forEach((ref, i) => {
    const [slug = '', section] = ref.split('#');
    const at = { file: source.file, ...positionOf(source, [...path, i]) };
    if (!context.notes.has(slug)) report(context, { ...at, message: `note '${slug}' does not exist`, hint: hintFrom(closest(slug, context.notes.keys())) });
    else if (section && !context.sections.get(slug)?.has(section)) report(context, { ...at, message: `note '${slug}' has no section '${section}'`, hint: hintFrom(closest(section, context.sections.get(slug) ?? [])) });
  });
}

function checkConceptRefs(context: CheckContext, source: YamlSource, path: Path, refs: readonly string[] | undefined): void {
  refs?.forEach((slug, i) => {
    if (!context.concepts.has(slug)) report(context, { file: source.file, ...positionOf(source, [...path, i]), message: `concept '${slug}' does not exist`, hint: hintFrom(closest(slug, context.concepts)) });
  });
}

function hintFrom(guess: string | undefined): string {
  return guess ? `did you mean '${guess}'?` : 'check the spelling';
}
