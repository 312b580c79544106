import { closest } from '../content/problems';
import type { MarkdownRef } from '../content/markdown/references';
import { isAnchorable } from '../upstream';
import { report, type CheckContext } from './context';

export type PositionMapper = (line: number, column: number) => { line: number; column: number };

/**
 * Checks the links of one piece of markdown (a note, an annotation body, a definition...).
 * Line ranges and excerpts of notes are checked with the other anchors; here only whether
 * every target exists.
 */
export function checkMarkdownRefs(context: CheckContext, file: string, refs: readonly MarkdownRef[], map: PositionMapper, options: { blocks: boolean }): void {
  for (const ref of refs) {
    const at = { file, ...map(ref.line, ref.column) };
    switch (ref.kind) {
      case 'symbol': {
        const found = context.source.symbol(ref.id);
        if (!found) {
          const guess = closest(ref.id.replace(/\s+/g, ''), context.source.symbolIds());
          report(context, { ...at, message: `symbol '${ref.id}' not found in the source`, hint: guess ? `did you mean '${guess}'?` : 'copy ids from `npm run outline -- <path>`' });
        } else if (!isAnchorable(found.path, context.pin)) {
          report(context, { ...at, message: `symbol '${ref.id}' is in ${found.path}, which not every upstream route provides`, hint: 'link main sources of published modules only (see anchorableModules in upstream.json)' });
        }
        break;
      }
      case 'code':
        if (ref.lines && !options.blocks) {
          report(context, { ...at, message: 'line-range links belong in design notes, where their fingerprints are kept', hint: 'link a declaration with [text](symbol:<id>) or another annotation with [text](anchor:<id>); a whole file with [text](code:<path>)' });
        } else {
          checkCodePath(context, at, ref.path, ref.lines);
        }
        break;
      case 'note': {
        const note = context.notes.get(ref.slug);
        if (!note) {
          report(context, { ...at, message: `note '${ref.slug}' does not exist`, hint: hintFrom(closest(ref.slug, context.notes.keys()), 'notes are annotations/notes/<slug>.md') });
        } else if (ref.fragment && !context.sections.get(ref.slug)?.has(ref.fragment)) {
          report(context, { ...at, message: `note '${ref.slug}' has no section '${ref.fragment}'`, hint: hintFrom(closest(ref.fragment, context.sections.get(ref.slug) ?? []), 'section ids are headings in lower case joined by hyphens') });
        }
        break;
      }
      case 'concept':
        if (!context.concepts.has(ref.slug)) report(context, { ...at, message: `concept '${ref.slug}' does not exist`, hint: hintFrom(closest(ref.slug, context.concepts), 'concepts are annotations/concepts/<slug>.yaml') });
        break;
      case 'anchor':
        if (!context.annotations.has(ref.id)) report(context, { ...at, message: `annotation '${ref.id}' does not exist`, hint: hintFrom(closest(ref.id, context.annotations.keys()), 'use the id of an annotation') });
        break;
      case 'excerpt':
      case 'layout':
        if (!options.blocks) report(context, { ...at, message: `${ref.kind} blocks belong in design notes`, hint: 'link to the code instead: [text](code:<path>#L10-L20)' });
        else if (ref.kind === 'layout') checkLayoutBlock(context, at, ref.spec);
        break;
      case 'diagram':
        if (!options.blocks) report(context, { ...at, message: 'diagrams belong in design notes' });
        else if (!context.corpus.diagrams.has(ref.name)) report(context, { ...at, message: `diagram '${ref.name}' does not exist`, hint: 'diagrams are annotations/diagrams/<name>.svg' });
        else if (ref.alt.trim().length < 20) report(context, { ...at, message: `diagram '${ref.name}' needs a text alternative`, hint: 'write what the picture says in the brackets: ![The producer asks the name server ...](diagram:name)' });
        break;
      case 'invalid':
        report(context, { ...at, message: `link '${ref.url}' cannot be used`, hint: ref.reason });
        break;
      case 'external':
        break;
    }
  }
}

/** `linesAt` is where line-range problems are reported (the `lines:` value of a YAML anchor); `at` by default. */
export function checkCodePath(context: CheckContext, at: { file: string; line: number; column: number }, path: string, lines?: readonly [number, number], linesAt = at): boolean {
  if (!context.source.has(path)) {
    const base = path.split('/').pop() ?? path;
    const similar = [...context.source.paths()].filter((p) => p.endsWith('/' + base));
    report(context, { ...at, message: `upstream file ${path} does not exist`, hint: similar.length ? `did you mean ${similar[0]}?` : 'paths start at the source top folder: store/src/main/java/...' });
    return false;
  }
  if (!isAnchorable(path, context.pin)) {
    report(context, { ...at, message: `${path} is not provided by every upstream route`, hint: 'anchor to main Java sources of published modules only (see anchorableModules in upstream.json)' });
    return false;
  }
  if (lines) {
    const count = context.source.file(path)?.lines.length ?? 0;
    if (lines[0] > lines[1]) {
      report(context, { ...linesAt, message: `line range ${lines[0]}-${lines[1]} is reversed`, hint: `write ${lines[1]}-${lines[0]}` });
      return false;
    }
    if (lines[1] > count) {
      report(context, { ...linesAt, message: `line ${lines[1]} is past the end of ${path} (${count} lines)`, hint: 'check the line numbers against the pinned source (npm run outline -- <path>)' });
      return false;
    }
  }
  return true;
}

function checkLayoutBlock(context: CheckContext, at: { file: string; line: number; column: number }, spec: string): void {
  const name = /^\s*name:\s*([\w-]+)\s*$/m.exec(spec)?.[1];
  if (!name) report(context, { ...at, message: 'a layout block needs `name: <layout>`' });
  else if (!context.layouts.has(name)) report(context, { ...at, message: `layout '${name}' does not exist`, hint: hintFrom(closest(name, context.layouts), 'layouts are annotations/layouts/<name>.yaml') });
}

function hintFrom(guess: string | undefined, otherwise: string): string {
  return guess ? `did you mean '${guess}'?` : otherwise;
}
