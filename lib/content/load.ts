import fs from 'node:fs';
import path from 'node:path';
import type { Root, Yaml } from 'mdast';
import type { Corpus, LoadedAnnotationFile, LoadedDocument, LoadedNote } from './corpus';
import { parseMarkdown } from './markdown/parse';
import { outlineOf } from './markdown/references';
import { CONTENT_FOLDERS, RESERVED_FOLDERS, schemaCommentFor } from './paths';
import type { Problem } from './problems';
import { AnnotationFile, Concept, Layout, NoteFrontmatter, Tour } from './schema';
import { MAX_FILE_BYTES, parseYaml } from './yaml-file';
import type { z } from 'zod';

const SLUG_FILE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface LoadResult {
  corpus: Corpus;
  problems: Problem[];
}

/**
 * Reads every content file under `contentRoot` (repository-relative, normally `annotations`),
 * validating each against its schema. A file that fails validation is left out of the corpus and
 * its problems are reported; nothing is thrown for bad input.
 */
export function loadCorpus(projectRoot: string, contentRoot = 'annotations'): LoadResult {
  const problems: Problem[] = [];
  const corpus: Corpus = { root: contentRoot, annotationFiles: [], notes: [], concepts: [], tours: [], layouts: [], diagrams: new Map() };
  const absoluteRoot = path.join(projectRoot, contentRoot);
  if (!fs.existsSync(absoluteRoot)) return { corpus, problems };

  for (const relative of walk(absoluteRoot)) {
    const file = `${contentRoot}/${relative}`;
    const [top] = relative.split('/');
    const read = () => fs.readFileSync(path.join(absoluteRoot, relative), 'utf8');
    if (top === CONTENT_FOLDERS.notes && relative.endsWith('.md')) {
      const note = loadNote(file, read(), problems);
      if (note) corpus.notes.push(note);
    } else if (top === CONTENT_FOLDERS.concepts && relative.endsWith('.yaml')) {
      pushDocument(corpus.concepts, file, read(), Concept, 'a glossary entry', problems);
    } else if (top === CONTENT_FOLDERS.tours && relative.endsWith('.yaml')) {
      pushDocument(corpus.tours, file, read(), Tour, 'a tour', problems);
    } else if (top === CONTENT_FOLDERS.layouts && relative.endsWith('.yaml')) {
      pushDocument(corpus.layouts, file, read(), Layout, 'a byte layout', problems);
    } else if (top === CONTENT_FOLDERS.diagrams && relative.endsWith('.svg')) {
      corpus.diagrams.set(path.posix.basename(relative, '.svg'), file);
    } else if (!RESERVED_FOLDERS.has(top ?? '') && relative.endsWith('.java.yaml')) {
      const loaded = loadAnnotationFile(file, relative.slice(0, -'.yaml'.length), read(), problems);
      if (loaded) corpus.annotationFiles.push(loaded);
    } else {
      problems.push({ file, line: 1, column: 1, message: 'this file is not part of any content format', hint: 'annotation files are annotations/<upstream path>.java.yaml; notes, concepts, tours, layouts and diagrams have their own folders (see CONTRIBUTING.md)' });
    }
  }
  return { corpus, problems };
}

function loadAnnotationFile(file: string, upstreamPath: string, text: string, problems: Problem[]): LoadedAnnotationFile | null {
  const parsed = parseYaml(file, text, AnnotationFile, { what: 'this annotation file', hint: 'an annotation file has `annotations:`, a list of entries with id, symbol and/or lines, title and body (see CONTRIBUTING.md)' });
  problems.push(...parsed.problems);
  if (!parsed.value) return null;
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  return { file, upstreamPath, data: parsed.value, source: parsed.source, hasSchemaComment: firstLine === schemaCommentFor(file) };
}

function pushDocument<S extends z.ZodType>(into: Array<LoadedDocument<z.infer<S>>>, file: string, text: string, schema: S, what: string, problems: Problem[]): void {
  const slug = path.posix.basename(file, '.yaml');
  if (!SLUG_FILE.test(slug)) {
    problems.push({ file, line: 1, column: 1, message: `'${slug}' is not a valid file name here`, hint: 'name the file with lower-case words joined by hyphens, like page-cache.yaml' });
    return;
  }
  const parsed = parseYaml(file, text, schema, { what: `this file (${what})`, hint: `see schema/ and CONTRIBUTING.md for the format of ${what}` });
  problems.push(...parsed.problems);
  if (parsed.value !== undefined) into.push({ file, slug, data: parsed.value, source: parsed.source });
}

function loadNote(file: string, text: string, problems: Problem[]): LoadedNote | null {
  const slug = path.posix.basename(file, '.md');
  if (!SLUG_FILE.test(slug)) {
    problems.push({ file, line: 1, column: 1, message: `'${slug}' is not a valid note name`, hint: 'name notes with lower-case words joined by hyphens, like commitlog.md' });
    return null;
  }
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    problems.push({ file, line: 1, column: 1, message: `this note is ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB; the limit is 1 MB`, hint: 'split it into several notes' });
    return null;
  }
  const tree: Root = parseMarkdown(text);
  const frontmatter = tree.children.find((node): node is Yaml => node.type === 'yaml');
  if (!frontmatter) {
    problems.push({ file, line: 1, column: 1, message: 'this note has no frontmatter', hint: 'start the note with ---, then title, chapter and summary lines, then ---' });
    return null;
  }
  const parsed = parseYaml(file, frontmatter.value, NoteFrontmatter, { what: 'the frontmatter', hint: 'a note\'s frontmatter has title, chapter, summary and optionally concepts' }, { line: frontmatter.position?.start.line ?? 1, column: 0 });
  problems.push(...parsed.problems);
  if (!parsed.value) return null;
  return { file, slug, text, frontmatter: parsed.value, frontmatterSource: parsed.source, tree, outline: outlineOf(tree) };
}

/** Repository-relative file paths under a folder, sorted; dot files are skipped. */
function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(path.join(dir, entry.name), relative);
      else if (entry.isFile()) out.push(relative);
    }
  };
  visit(root, '');
  return out.sort();
}
