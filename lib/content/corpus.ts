import type { Root } from 'mdast';
import type { MarkdownOutline } from './markdown/references';
import type { AnnotationFile, Concept, Layout, NoteFrontmatter, Tour } from './schema';
import type { YamlSource } from './yaml-file';

/** Everything under annotations/, parsed and validated, with positions for error messages. */
export interface Corpus {
  /** Repository-relative folder the corpus was read from (normally `annotations`). */
  root: string;
  annotationFiles: LoadedAnnotationFile[];
  notes: LoadedNote[];
  concepts: LoadedDocument<Concept>[];
  tours: LoadedDocument<Tour>[];
  layouts: LoadedDocument<Layout>[];
  /** Diagram name → repository-relative path of its SVG. */
  diagrams: Map<string, string>;
}

export interface LoadedDocument<T> {
  /** Repository-relative path, e.g. annotations/concepts/page-cache.yaml. */
  file: string;
  slug: string;
  data: T;
  source: YamlSource;
}

export interface LoadedAnnotationFile {
  file: string;
  /** The upstream file it annotates, e.g. store/src/main/java/org/apache/rocketmq/store/CommitLog.java. */
  upstreamPath: string;
  data: AnnotationFile;
  source: YamlSource;
  /** Whether the first line is the yaml-language-server schema comment with the right path. */
  hasSchemaComment: boolean;
}

export interface LoadedNote {
  file: string;
  slug: string;
  text: string;
  frontmatter: NoteFrontmatter;
  frontmatterSource: YamlSource;
  tree: Root;
  outline: MarkdownOutline;
}
