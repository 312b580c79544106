/**
 * The intermediate form of cross-references: what a file says about the names it uses, extracted
 * from its syntax tree alone (in the parsing threads), to be resolved later against the symbols of
 * the whole source. Locals and parameters are already resolved here; everything else waits for the
 * global tables.
 *
 * Positions are [line, column] of the identifier's first character, 1-based, UTF-16 columns.
 */

/** What an expression is known to denote, as far as the file alone can tell. */
export type Expr =
  | { k: 'this' }
  | { k: 'super' }
  /** A name that is not a local: a field, a type (for static access) or a static import. */
  | { k: 'name'; n: string }
  /** A local variable or parameter with its declared type as written (null for `var` and lambda params). */
  | { k: 'local'; t: string | null }
  | { k: 'field'; of: Expr; n: string }
  | { k: 'call'; of: Expr | null; n: string; args: Expr[] }
  | { k: 'new'; t: string }
  /** An expression whose type is written in the source: a cast, a literal. */
  | { k: 'typed'; t: string }
  | { k: 'unknown' };

export type Use =
  /** A type name as written (`Map.Entry`, `CommitLog`), at the position of its last segment. */
  | { u: 'type'; p: Position; n: string; len: number; ctx: number }
  | { u: 'call'; p: Position; n: string; args: Expr[]; of: Expr | null; ctx: number }
  | { u: 'field'; p: Position; n: string; of: Expr; ctx: number }
  /** An unqualified name that is not a local; `sw` is the switch subject for `case NAME:`. */
  | { u: 'name'; p: Position; n: string; ctx: number; sw?: Expr }
  | { u: 'new'; p: Position; t: string; len: number; args: Expr[]; ctx: number }
  /** `this(...)` / `super(...)` in a constructor. */
  | { u: 'ctor'; p: Position; len: number; s: boolean; args: Expr[]; ctx: number }
  /** `X::m`, `expr::m`, `X::new` (arity unknown). */
  | { u: 'ref'; p: Position; n: string; of: Expr | { k: 'type'; t: string }; ctx: number }
  /** An import: the type (or, for static imports, the member) it names. */
  | { u: 'import'; p: Position; n: string; name: string; isStatic: boolean };

export type Position = [line: number, column: number];

/** A local variable or parameter use, resolved in the file: where it is declared. */
export type LocalRef = [line: number, column: number, length: number, declLine: number, declColumn: number];

/** The file's scopes, by index: the symbol id of each enclosing type (and its type parameters). */
export interface ContextEntry {
  /** Innermost enclosing type's symbol id. */
  type: string;
  /** Type variables visible here (class and method type parameters). */
  typeVars: string[];
}

export interface FileXrefIr {
  contexts: ContextEntry[];
  uses: Use[];
  locals: LocalRef[];
}
