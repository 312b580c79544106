import { javaParser } from '../java/parser';
import { extractFacts } from '../java/symbols';
import type { SyntaxProblem } from '../java/types';

export interface ParseJob {
  /** The content hash the facts are stored under. */
  key: string;
  text: string;
}

/** One file's facts as JSON (JavaFileFacts), with the figures the summary needs. */
export interface ParsedJava {
  key: string;
  json: string;
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
    return { key: job.key, json: JSON.stringify(facts), symbolCount: facts.symbols.length, syntaxProblems: facts.syntaxProblems };
  } finally {
    tree.delete();
  }
}
