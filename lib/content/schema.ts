import { z } from 'zod';
import { FINGERPRINT_PATTERN } from '../anchors/fingerprint';

/*
 * The one definition of the content formats. The TypeScript types, the runtime validation (unknown
 * keys are errors) and the JSON Schema files that editors read (schema/*.schema.json, written by
 * `npm run schema`) all come from here. Every field says what it is for.
 */

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const Slug = z.string().regex(SLUG, 'use lower-case words joined by hyphens, like "page-cache"');

const LineRange = z
  .union(
    [
    z.number().int().min(1).describe('A single line.'),
    z
      .tuple([z.number().int().min(1), z.number().int().min(1)])
      .describe('First and last line, both included: [120, 140].'),
    ],
    { error: 'write lines as a number (120) or a pair of numbers ([120, 140])' },
  )
  .describe('Lines of the upstream file at the pinned commit, 1-based and inclusive.');

const Fingerprint = z
  .string()
  .regex(FINGERPRINT_PATTERN, 'a fingerprint is written by `npm run annotate -- fix`; do not edit it by hand')
  .describe(
    'Written by `npm run annotate -- fix`, never by hand: one 4-character hash per anchored line (whitespace-insensitive), so the checker can tell whether the lines still say what they said and find them again when they move.',
  );

const SymbolId = z
  .string()
  .min(1)
  .describe(
    'A symbol id from the ingest, e.g. `org.apache.rocketmq.store.CommitLog#asyncPutMessage(MessageExtBrokerInner)`. Types use dots, members `#`, methods list parameter types without generics. The explorer shows each symbol\'s id in the outline.',
  );

const NoteRef = z
  .string()
  .regex(/^[a-z0-9-]+(#[a-z0-9-]+)?$/, 'write a note slug, optionally with a section: "commitlog#write-path"')
  .describe('A design note, optionally a section of it: `commitlog` or `commitlog#write-path` (section ids are the heading text in lower case, words joined by hyphens).');

const UpstreamPath = z
  .string()
  .regex(/^[\w.-]+(\/[\w.$-]+)+\.java$/, 'write a path inside the source, like store/src/main/java/org/apache/rocketmq/store/CommitLog.java')
  .describe('Path of a Java file inside the RocketMQ source, from its top folder: `store/src/main/java/org/apache/rocketmq/store/CommitLog.java`.');

export const Annotation = z
  .strictObject({
    id: Slug.describe('Stable id of this annotation, unique across the whole project; links and tours refer to it. Never reuse or rename one that was published.'),
    symbol: SymbolId.optional().describe('The declaration this annotation is about. Give it, the lines, or both: with both, the lines must lie inside the symbol, and re-anchoring follows the symbol if it moves or is renamed.'),
    lines: LineRange.optional(),
    fingerprint: Fingerprint.optional(),
    title: z.string().min(3).max(120).describe('One line shown in the margin and in search results.'),
    body: z.string().min(1).describe('Markdown: explain why the code is this way, not only what it does. Links like [text](symbol:<id>), [text](code:<path>#L10-L20), [text](note:<slug>#<section>) and [text](concept:<slug>) are checked.'),
    notes: z.array(NoteRef).optional().describe('Design-note sections this annotation belongs to; they link back here.'),
    concepts: z.array(Slug).optional().describe('Glossary entries (annotations/concepts/<slug>.yaml) this annotation relies on.'),
    tags: z.array(Slug).optional().describe('Free-form labels for search and filtering, e.g. "locking", "recovery".'),
  })
  .describe('One explanation attached to lines or a symbol of the upstream file.');

export const AnnotationFile = z
  .strictObject({
    summary: z.string().min(1).optional().describe('Markdown shown at the top of the file: what this file is for, in a sentence or two.'),
    annotations: z.array(Annotation).describe('The annotations of this file, in any order; the explorer sorts them by line.'),
  })
  .describe('Annotations of one upstream file. The file lives at annotations/<upstream path>.yaml, mirroring the upstream path.');

export const Concept = z
  .strictObject({
    term: z.string().min(1).describe('The term as a heading shows it: "Page cache".'),
    aliases: z.array(z.string().min(1)).optional().describe('Other names readers may search for: "OS page cache", "buffer cache".'),
    category: z.enum(['rocketmq', 'background']).describe('"rocketmq" for RocketMQ\'s own ideas; "background" for operating-system and networking knowledge the code relies on (page cache, mmap, TCP ...).'),
    definition: z.string().min(1).describe('Markdown, a short paragraph: what it is and why it matters here.'),
    symbols: z.array(SymbolId).optional().describe('Where the code defines or relies on it.'),
    notes: z.array(NoteRef).optional().describe('Design-note sections that explain it at length.'),
    related: z.array(Slug).optional().describe('Other concepts worth reading next.'),
  })
  .describe('A glossary entry, at annotations/concepts/<slug>.yaml.');

const InlineAnchor = z.strictObject({
  path: UpstreamPath,
  symbol: SymbolId.optional(),
  lines: LineRange.optional(),
  fingerprint: Fingerprint.optional(),
});

export const TourStep = z
  .strictObject({
    title: z.string().min(1).describe('Short heading of the step.'),
    body: z.string().min(1).describe('Markdown shown beside the code at this step.'),
    annotation: Slug.optional().describe('Show the place of this annotation (its id). Either this or `at`.'),
    at: InlineAnchor.optional().describe('Or anchor the step itself: a path with a symbol and/or lines (and the fingerprint the tooling writes).'),
  })
  .describe('One stop of a tour.');

export const Tour = z
  .strictObject({
    title: z.string().min(1).describe('Title of the tour.'),
    summary: z.string().min(1).describe('One or two sentences: what the reader will have followed by the end.'),
    order: z.number().int().min(0).optional().describe('Position among the tours on the home page (lower first).'),
    steps: z.array(TourStep).min(2).describe('The steps, in order.'),
  })
  .describe('A guided walk across files, at annotations/tours/<slug>.yaml.');

const SizeEvidence = z
  .strictObject({
    path: UpstreamPath,
    symbol: SymbolId.optional(),
    lines: LineRange.optional(),
    fingerprint: Fingerprint.optional(),
    pattern: z.string().min(1).describe('A JavaScript regular expression searched in those lines; its first group must capture the size in bytes (a number), e.g. "CQ_STORE_UNIT_SIZE = (\\\\d+)".'),
  })
  .describe('Where the upstream code fixes this size; the checker reads the number there and compares.');

export const Layout = z
  .strictObject({
    title: z.string().min(1).describe('Caption of the diagram.'),
    summary: z.string().min(1).describe('Markdown shown under the diagram.'),
    fields: z
      .array(
        z.strictObject({
          name: z.string().min(1).describe('Field name, as the code calls it where it has a name.'),
          size: z.union([z.number().int().min(1), z.literal('variable')]).describe('Size in bytes, or "variable".'),
          meaning: z.string().min(1).describe('What the field holds (markdown, one or two sentences).'),
          evidence: SizeEvidence.optional(),
        }),
      )
      .min(1)
      .describe('Fields in the order they are stored.'),
    total: z
      .strictObject({ size: z.number().int().min(1), evidence: SizeEvidence.optional() })
      .optional()
      .describe('Total size, for fixed-size structures; checked against the sum of the fields.'),
  })
  .describe('A byte layout drawn as a diagram, at annotations/layouts/<slug>.yaml.');

export const NoteFrontmatter = z
  .strictObject({
    title: z.string().min(1).describe('Chapter title.'),
    chapter: z.number().int().min(0).describe('Chapter number; the book lists notes in this order.'),
    summary: z.string().min(1).describe('One or two sentences for the home page.'),
    concepts: z.array(Slug).optional().describe('Glossary entries the chapter introduces or relies on.'),
    fingerprints: z
      .record(z.string(), Fingerprint)
      .optional()
      .describe('Written by `npm run annotate -- fix`: the fingerprint of every `path#Lx-Ly` the note links to or excerpts.'),
  })
  .describe('Frontmatter of a design note, annotations/notes/<slug>.md.');

export type Annotation = z.infer<typeof Annotation>;
export type AnnotationFile = z.infer<typeof AnnotationFile>;
export type Concept = z.infer<typeof Concept>;
export type Tour = z.infer<typeof Tour>;
export type TourStep = z.infer<typeof TourStep>;
export type Layout = z.infer<typeof Layout>;
export type NoteFrontmatter = z.infer<typeof NoteFrontmatter>;
export type InlineAnchor = z.infer<typeof InlineAnchor>;

/** Each schema file editors read, with the files it describes. */
export const EDITOR_SCHEMAS = {
  'annotation-file': { schema: AnnotationFile, describes: 'annotations/<upstream path>.yaml' },
  concept: { schema: Concept, describes: 'annotations/concepts/<slug>.yaml' },
  tour: { schema: Tour, describes: 'annotations/tours/<slug>.yaml' },
  layout: { schema: Layout, describes: 'annotations/layouts/<slug>.yaml' },
} as const;
