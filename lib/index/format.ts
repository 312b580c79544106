import type { JavaFileFacts, SyntaxProblem } from '../java/types';

/**
 * The index that ingest writes and everything else reads (checker, app, benchmarks):
 *
 *   .data/index/<stamp>/manifest.json   IndexManifest: where the source came from, counts
 *   .data/index/<stamp>/files.json      IndexedFile[]: every file of the source, sorted by path
 *   .data/index/<stamp>/java.json       JavaFacts: facts per Java file, keyed by content SHA-1
 *   .data/index/<stamp>/xref-ir.json    FileXrefIr per content SHA-1: what each file uses (lib/xref/ir.ts)
 *   .data/index/<stamp>/xrefs.json      XrefIndex: resolved cross-references per path (lib/xref/format.ts)
 *   .data/current.json                  CurrentIndex: which stamp the app and checker use
 *
 * The stamp is the upstream commit when it is known. Bump INDEX_FORMAT whenever the shape of these
 * files or the meaning of a field changes: older indexes are then rebuilt instead of misread.
 */
export const INDEX_FORMAT = 3;

export type FileKind = 'java' | 'text' | 'binary';

export interface IndexedFile {
  path: string;
  size: number;
  mtimeMs: number;
  sha1: string;
  kind: FileKind;
  /** Number of lines; 0 for binary files. */
  lines: number;
  /** Set when the file is not valid UTF-8 and was read as Latin-1. */
  encoding?: 'latin1';
  /** Java files: how many symbols were extracted. */
  symbols?: number;
  /** Java files: syntax errors tree-sitter recovered from (absent when there are none). */
  syntaxProblems?: SyntaxProblem[];
}

export interface IndexManifest {
  format: number;
  stamp: string;
  tag: string;
  version: string;
  commit: string | null;
  route: string;
  /** Absolute path of the source tree on this machine (the index is never committed). */
  root: string;
  builtAt: string;
  /** Hash of the extraction code that built it (lib/ingest/extractor-version.ts). */
  extractor: string;
  counts: { files: number; javaFiles: number; symbols: number; filesWithSyntaxErrors: number };
  /** Cross-reference figures; absent when the index was built without them. */
  xrefs?: { uses: number; resolved: number; ambiguous: number; locals: number; seconds: number };
}

export type JavaFacts = Record<string, JavaFileFacts>;

export interface CurrentIndex {
  stamp: string;
}
