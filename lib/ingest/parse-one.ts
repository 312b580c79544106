import type { Range, Tree } from 'web-tree-sitter';
import { declarationRanges } from '../java/declaration-ranges';
import { javaParser } from '../java/parser';
import { extractFacts } from '../java/symbols';
import type { JavaImport, SyntaxProblem } from '../java/types';
import { extractXrefIr } from '../xref/extract';

export interface ParseJob {
  /** The content hash the facts are stored under. */
  key: string;
  text: string;
  /** Also extract what the file uses, for cross-references. */
  xrefs?: boolean;
}

/** One file's facts as JSON (JavaFileFacts), with the figures the summary needs. */
export interface ParsedJava {
  key: string;
  json: string;
  /** The file's cross-reference IR (FileXrefIr) as JSON, when asked for. */
  irJson?: string;
  symbolCount: number;
  syntaxProblems: SyntaxProblem[];
}

/**
 * Parses one Java text. A file with syntax errors still yields what parsed around them.
 * For symbols alone only the declarations are parsed (see declaration-ranges.ts): syntax errors
 * inside a left-out method body are then not looked for. Cross-references parse the whole text.
 */
export async function parseJava(job: ParseJob): Promise<ParsedJava> {
  const { tree, importsOutsideTree } = await parseTree(job.text, !job.xrefs);
  try {
    const facts = extractFacts(tree, job.text, importsOutsideTree);
    const parsed: ParsedJava = { key: job.key, json: JSON.stringify(facts), symbolCount: facts.symbols.length, syntaxProblems: facts.syntaxProblems };
    if (job.xrefs) parsed.irJson = JSON.stringify(extractXrefIr(tree, facts.symbols));
    return parsed;
  } finally {
    tree.delete();
  }
}

async function parseTree(text: string, declarationsOnly: boolean): Promise<{ tree: Tree; importsOutsideTree: JavaImport[] }> {
  const parser = await javaParser();
  const reduced = declarationsOnly ? declarationRanges(text) : null;
  if (reduced) {
    const tree = parser.parse(readWithin(text, reduced.ranges), null, { includedRanges: reduced.ranges });
    if (tree && !tree.rootNode.hasError) return { tree, importsOutsideTree: reduced.imports };
    // The reduced parse found an error: parse everything, so the error and what surrounds it are
    // reported exactly as a full parse sees them.
    tree?.delete();
  }
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return { tree, importsOutsideTree: [] };
}

/** web-tree-sitter copies at most this many characters of each chunk it asks for. */
const CHUNK_CHARS = 5 * 1024 - 1;

/*
 * Given a plain string, web-tree-sitter hands the parser the whole rest of the text at every jump
 * to a new range, and copies a full chunk of it. Ending each chunk where its range ends saves
 * copying text that is about to be skipped.
 */
function readWithin(text: string, ranges: Range[]): (index: number) => string {
  return (index) => {
    let low = 0;
    let high = ranges.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ranges[middle]!.endIndex <= index) low = middle + 1;
      else high = middle;
    }
    const end = Math.min(ranges[low]?.endIndex ?? text.length, index + CHUNK_CHARS);
    return index < end ? text.slice(index, end) : text.slice(index, index + CHUNK_CHARS);
  };
}
