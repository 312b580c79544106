/**
 * Positions are 1-based lines and 1-based columns counted in UTF-16 code units (what JavaScript
 * strings and CodeMirror count). Lines are split on "\n" only; a "\r" before it is part of no line.
 * A range's end is the position just after its last character.
 */
export type Range = readonly [startLine: number, startColumn: number, endLine: number, endColumn: number];

export type SymbolKind =
  | 'package'
  | 'class'
  | 'interface'
  | 'enum'
  | 'record'
  | 'annotation'
  | 'method'
  | 'constructor'
  | 'field'
  | 'enumConstant';

export const TYPE_KINDS: ReadonlySet<SymbolKind> = new Set(['class', 'interface', 'enum', 'record', 'annotation']);

export interface JavaSymbol {
  /** Stable id, see lib/java/symbol-id.ts for the grammar. Unique within a file except `package`. */
  id: string;
  kind: SymbolKind;
  /** The simple name as written; for an anonymous class the type it instantiates, e.g. `new Runnable()`. */
  name: string;
  range: Range;
  nameRange: Range;
  /** Last line of the declaration's header: the line where its body opens, or its last line. */
  headerEndLine: number;
  /** Id of the enclosing symbol (the package for top-level types). */
  parent: string | null;
  /** Keywords as written (`public`, `static`, `default` ...). */
  modifiers: string[];
  /** Annotation names as written, without `@` or arguments (`Override`, `Deprecated`). */
  annotations: string[];
  javadoc: Range | null;
  /** Declared type of a field or return type of a method, generic arguments removed. */
  type?: string;
  /** Parameter types of methods and constructors as they appear in the id. */
  parameters?: string[];
  /** Names of the types this type extends or implements, as written without generic arguments. */
  supertypes?: string[];
  /** True for local and anonymous classes and their members. */
  local?: boolean;
}

export interface JavaImport {
  name: string;
  isStatic: boolean;
  onDemand: boolean;
  line: number;
}

export interface SyntaxProblem {
  line: number;
  column: number;
  message: string;
}

/** Everything ingest learns about one Java file from its text alone. */
export interface JavaFileFacts {
  packageName: string | null;
  imports: JavaImport[];
  symbols: JavaSymbol[];
  /** Syntax errors tree-sitter recovered from; the symbols are what parsed around them. */
  syntaxProblems: SyntaxProblem[];
  lineCount: number;
}
