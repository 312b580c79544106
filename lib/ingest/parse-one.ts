import { javaParser } from '../java/parser';
import { extractFacts } from '../java/symbols';
import type { SyntaxProblem } from '../java/types';
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

/** Parses one Java text. A file with syntax errors still yields what parsed around them. */
export async function parseJava(job: ParseJob): Promise<ParsedJava> {
  const parser = await javaParser();
  const tree = parser.parse(job.text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const facts = extractFacts(tree, job.text);
    const parsed: ParsedJava = { key: job.key, json: JSON.stringify(facts), symbolCount: facts.symbols.length, syntaxProblems: facts.syntaxProblems };
    if (job.xrefs) parsed.irJson = JSON.stringify(extractXrefIr(tree, facts.symbols));
    return parsed;
  } finally {
    tree.delete();
  }
}
