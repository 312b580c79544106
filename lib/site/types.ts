import type { AnchorState } from '../anchors/resolve';
import type { SymbolKind } from '../java/types';

/**
 * What the app reads at request time: the content rendered and resolved at build time
 * (`npm run content`, written to .data/site.json). Bump SITE_FORMAT when the shape changes.
 */
export const SITE_FORMAT = 1;

export interface SiteData {
  format: number;
  stamp: string;
  tag: string;
  version: string;
  commit: string | null;
  builtAt: string;
  book: BookChapter[];
  notes: Record<string, NotePage>;
  concepts: Record<string, ConceptPage>;
  tours: TourSummary[];
  tourPages: Record<string, TourPage>;
  files: Record<string, FileContent>;
  modules: ModuleSummary[];
  counts: { annotations: number; annotatedFiles: number; notes: number; concepts: number; tours: number };
}

export interface SectionRef {
  id: string;
  title: string;
  depth: number;
}

export interface BookChapter {
  slug: string;
  title: string;
  chapter: number;
  summary: string;
  /** The summary's markdown as inline HTML (code spans, emphasis, links). */
  summaryHtml: string;
  sections: SectionRef[];
}

export interface NotePage extends BookChapter {
  html: string;
  concepts: Array<{ slug: string; term: string }>;
  previous?: { slug: string; title: string };
  next?: { slug: string; title: string };
}

export interface Place {
  path: string;
  lines?: [number, number];
  label: string;
  kind: 'symbol' | 'annotation' | 'note';
  href: string;
}

export interface ConceptPage {
  slug: string;
  term: string;
  aliases: string[];
  category: 'rocketmq' | 'background';
  definitionHtml: string;
  places: Place[];
  related: Array<{ slug: string; term: string }>;
}

export interface TourSummary {
  slug: string;
  title: string;
  summary: string;
  summaryHtml: string;
  steps: number;
}

export interface TourPage extends TourSummary {
  stepPages: TourStepPage[];
}

export interface TourStepPage {
  title: string;
  bodyHtml: string;
  path: string;
  lines?: [number, number];
  state: AnchorState;
  annotationId?: string;
}

export interface AnnotationView {
  id: string;
  title: string;
  bodyHtml: string;
  /** Where it is shown; null when the anchor is changed or orphaned (never shown at stale lines). */
  lines: [number, number] | null;
  state: AnchorState;
  symbol?: string;
  stateDetail?: string;
  notes: Array<{ slug: string; section?: string; title: string }>;
  concepts: Array<{ slug: string; term: string }>;
  tags: string[];
}

export interface NoteRefView {
  note: string;
  noteTitle: string;
  section: string | null;
  sectionTitle: string | null;
  lines?: [number, number];
  symbol?: string;
  kind: 'link' | 'excerpt' | 'symbol';
}

export interface FileContent {
  path: string;
  summaryHtml?: string;
  annotations: AnnotationView[];
  noteRefs: NoteRefView[];
}

export interface ModuleSummary {
  name: string;
  files: number;
  javaFiles: number;
  annotatedFiles: number;
  annotations: number;
  /** Whether its main sources can be annotated (it publishes a sources jar). */
  anchorable: boolean;
}

export interface OutlineEntry {
  id: string;
  kind: SymbolKind;
  name: string;
  /** Line of the name (where the outline jumps to). */
  line: number;
  /** First and last line of the whole declaration. */
  start: number;
  end: number;
  depth: number;
}
