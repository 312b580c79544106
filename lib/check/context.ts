import type { Corpus, LoadedNote } from '../content/corpus';
import type { Problem } from '../content/problems';
import type { SourceView } from '../content/source-view';
import type { Pin } from '../upstream';

export interface AnnotationPlace {
  file: string;
  upstreamPath: string;
  line: number;
  column: number;
}

/** What every check reads, and where it reports. */
export interface CheckContext {
  corpus: Corpus;
  source: SourceView;
  pin: Pin;
  problems: Problem[];
  annotations: Map<string, AnnotationPlace>;
  notes: Map<string, LoadedNote>;
  sections: Map<string, Set<string>>;
  concepts: Set<string>;
  layouts: Set<string>;
}

export function report(context: CheckContext, problem: Problem): void {
  context.problems.push(problem);
}
