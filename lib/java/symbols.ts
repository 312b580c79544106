import { Query, type Language, type Node, type Tree } from 'web-tree-sitter';
import { mayDeclareType } from './body-prefilter';
import { plainImport } from './imports';
import { isIdentifierPart, isSpace } from './lexical';
import { callableId, erasedTypeText, localTypeId, typeId, variableId } from './symbol-id';
import type { JavaFileFacts, JavaImport, JavaSymbol, Range, SymbolKind, SyntaxProblem } from './types';

const MAX_SYNTAX_PROBLEMS = 20;

/*
 * Declarations are found in two ways. The structure of types and their members is walked
 * directly: it is small. Method bodies and initializers are large, and they declare a type only in
 * the rare case of a local or anonymous class, so a body is searched (by a tree-sitter query,
 * which runs inside the parser's own code) only when its text could contain one. This keeps the
 * walk away from the millions of expression nodes that hold no declarations.
 */
const NESTED_TYPES = `
[(class_declaration) (interface_declaration) (enum_declaration) (record_declaration) (annotation_type_declaration)] @type
(object_creation_expression (class_body)) @anonymous
`;

const TYPE_KINDS: Record<string, SymbolKind> = {
  class_declaration: 'class',
  interface_declaration: 'interface',
  enum_declaration: 'enum',
  record_declaration: 'record',
  annotation_type_declaration: 'annotation',
};

const queries = new WeakMap<Language, Query>();

/** Where declarations found inside a node belong. */
interface Scope {
  /** Innermost enclosing type. */
  type: string | null;
  /** Innermost enclosing member of that type (method, field, constant, initializer). */
  member: string | null;
  /** The symbol a declaration found here gets as its parent. */
  parent: string | null;
  local: boolean;
}

/** The scope inside a member; every scope is built the same way, which keeps the hot code monomorphic. */
function withMember(scope: Scope, member: string, parent: string | null): Scope {
  return { type: scope.type, member, parent, local: scope.local };
}

/**
 * Extracts the package, imports, declarations and syntax problems of one parsed Java file.
 * `importsOutsideTree` are imports read from the text and left out of the parse (see
 * declaration-ranges.ts); they are merged with the ones the tree holds, in line order.
 */
export function extractFacts(tree: Tree, text: string, importsOutsideTree: readonly JavaImport[] = []): JavaFileFacts {
  let query = queries.get(tree.language);
  if (!query) {
    query = new Query(tree.language, NESTED_TYPES);
    queries.set(tree.language, query);
  }
  const builder = new FactsBuilder(text, query);
  builder.walkProgram(tree.rootNode);
  const imports = importsOutsideTree.length === 0 ? builder.imports : [...importsOutsideTree, ...builder.imports].sort((a, b) => a.line - b.line);
  return {
    packageName: builder.packageName,
    imports,
    symbols: builder.symbols,
    syntaxProblems: collectSyntaxProblems(tree.rootNode),
    lineCount: countLines(text),
  };
}

/** Lines as an editor numbers them: a final newline ends the last line, it does not start another. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

class FactsBuilder {
  packageName: string | null = null;
  readonly imports: JavaImport[] = [];
  readonly symbols: JavaSymbol[] = [];
  private readonly seenIds = new Map<string, number>();
  private readonly anonymousCounts = new Map<string, number>();
  private readonly recordComponents = new Map<string, string[]>();

  constructor(
    private readonly text: string,
    private readonly nestedTypes: Query,
  ) {}

  walkProgram(root: Node): void {
    let scope: Scope = { type: null, member: null, parent: null, local: false };
    for (const child of root.namedChildren) {
      if (!child) continue;
      if (child.type === 'package_declaration') {
        const name = child.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier');
        if (!name) continue;
        this.packageName = name.text;
        this.add(child, name, 'package', name.text, name.text, scope, null);
        scope = { type: name.text, member: null, parent: name.text, local: false };
      } else if (child.type === 'import_declaration') {
        this.imports.push(readImport(child));
      } else {
        // A damaged file can leave members at the top level; they are still declarations.
        this.walkMember(child, scope);
      }
    }
  }

  /** Declares the members of a type body (and, through them, anything nested). */
  private walkTypeBody(body: Node, scope: Scope): void {
    for (const child of body.namedChildren) if (child) this.walkMember(child, scope);
  }

  private walkMember(node: Node, scope: Scope): void {
    const typeKind = TYPE_KINDS[node.type];
    if (typeKind) return this.declareType(node, typeKind, scope);
    switch (node.type) {
      case 'method_declaration':
      case 'annotation_type_element_declaration':
        return this.declareCallable(node, 'method', scope);
      case 'constructor_declaration':
      case 'compact_constructor_declaration':
        return this.declareCallable(node, 'constructor', scope);
      case 'field_declaration':
      case 'constant_declaration':
        return this.declareFields(node, scope);
      case 'enum_constant':
        return this.declareEnumConstant(node, scope);
      case 'enum_body_declarations':
      case 'ERROR':
        return this.walkTypeBody(node, scope);
      case 'static_initializer':
        return this.searchBody(node.lastNamedChild ?? node, withMember(scope, variableId(scope.type ?? '', '<clinit>'), scope.parent));
      case 'block':
        return this.searchBody(node, withMember(scope, variableId(scope.type ?? '', '<init>'), scope.parent));
    }
  }

  /** Finds the local and anonymous classes of a method body, initializer or field value. */
  private searchBody(node: Node, scope: Scope): void {
    // Nothing inside (an empty body, or one the parse left out): nothing declared.
    if (node.namedChildCount === 0 || !mayDeclareType(node.text)) return;
    // Captures arrive in document order; a class body already declared is skipped, since the walk
    // into that class declares what it contains (with that class as their scope).
    const declared: Array<readonly [number, number]> = [];
    for (const capture of this.nestedTypes.captures(node)) {
      const found = capture.node;
      const start = found.startIndex;
      if (declared.some(([from, to]) => start >= from && start < to)) continue;
      if (capture.name === 'type') {
        this.declareType(found, TYPE_KINDS[found.type] ?? 'class', scope);
        declared.push([start, found.endIndex]);
      } else {
        const body = found.namedChildren.find((c) => c?.type === 'class_body');
        if (!body) continue;
        this.declareAnonymous(found, body, scope);
        declared.push([body.startIndex, body.endIndex]);
      }
    }
  }

  private declareType(node: Node, kind: SymbolKind, scope: Scope): void {
    const nameNode = node.childForFieldName('name');
    if (!nameNode) return;
    const name = this.nameText(nameNode);
    const local = scope.member !== null;
    const id = local ? localTypeId(scope.member!, name) : typeId(scope.type, name);
    const body = node.childForFieldName('body');
    const symbol = this.add(node, nameNode, kind, name, id, scope, body);
    symbol.supertypes = supertypesOf(node);
    if (local) symbol.local = true;
    const inner: Scope = { type: symbol.id, member: null, parent: symbol.id, local: symbol.local ?? false };
    if (kind === 'record') this.declareRecordComponents(node, symbol.id, inner);
    if (body) this.walkTypeBody(body, inner);
  }

  private declareRecordComponents(node: Node, recordId: string, inner: Scope): void {
    const types: string[] = [];
    for (const component of node.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!component) continue;
      // A varargs component (`String... tags`) is a spread_parameter: no name or type field.
      const spread = component.type === 'spread_parameter';
      const name = spread
        ? component.namedChildren.find((c) => c?.type === 'variable_declarator')?.childForFieldName('name')
        : component.childForFieldName('name');
      if (!name) continue;
      const nameText = this.nameText(name);
      const field = this.add(component, name, 'field', nameText, variableId(recordId, nameText), inner, null);
      if (spread) {
        const element = erasedTypeText(component.namedChildren.find((c) => c && c.type !== 'modifiers' && c.type !== 'variable_declarator')?.text ?? '?');
        field.type = `${element}[]`;
        types.push(`${element}...`);
      } else {
        field.type = erasedTypeText(component.childForFieldName('type')?.text ?? '');
        types.push(field.type);
      }
    }
    this.recordComponents.set(recordId, types);
  }

  /** An anonymous class: `new T(…) { … }`, or the body of an enum constant. */
  private declareAnonymous(node: Node, body: Node, scope: Scope): void {
    const owner = scope.member ?? scope.type ?? '';
    const index = (this.anonymousCounts.get(owner) ?? 0) + 1;
    this.anonymousCounts.set(owner, index);
    const typeNode = node.type === 'object_creation_expression' ? node.childForFieldName('type') : null;
    const constantName = node.childForFieldName('name');
    const name = typeNode ? `new ${erasedTypeText(typeNode.text)}()` : `${constantName?.text ?? ''} {…}`;
    const nameNode = typeNode ?? constantName ?? node;
    const symbol = this.add(node, nameNode, 'class', name, localTypeId(owner, String(index)), scope, null);
    // Its name is made up, not the text of the node it points at.
    symbol.nameRange = rangeOf(nameNode);
    symbol.local = true;
    symbol.supertypes = typeNode ? [erasedTypeText(typeNode.text)] : [];
    symbol.headerEndLine = body.startPosition.row + 1;
    this.walkTypeBody(body, { type: symbol.id, member: null, parent: symbol.id, local: true });
  }

  private declareCallable(node: Node, kind: 'method' | 'constructor', scope: Scope): void {
    const nameNode = node.childForFieldName('name');
    if (!nameNode || !scope.type) return;
    const name = this.nameText(nameNode);
    const parameters =
      node.type === 'compact_constructor_declaration'
        ? (this.recordComponents.get(scope.type) ?? [])
        : parameterTypes(node.childForFieldName('parameters'));
    const body = node.childForFieldName('body');
    const symbol = this.add(node, nameNode, kind, name, callableId(scope.type, name, parameters), scope, body);
    symbol.parameters = parameters;
    if (kind === 'method') {
      symbol.type = erasedTypeText(node.childForFieldName('type')?.text ?? '') + (node.childForFieldName('dimensions')?.text ?? '');
    }
    if (body) this.searchBody(body, withMember(scope, symbol.id, symbol.id));
  }

  private declareFields(node: Node, scope: Scope): void {
    if (!scope.type) return;
    const type = erasedTypeText(node.childForFieldName('type')?.text ?? '');
    for (const declarator of node.childrenForFieldName('declarator')) {
      const nameNode = declarator?.childForFieldName('name');
      if (!declarator || !nameNode) continue;
      const name = this.nameText(nameNode);
      const symbol = this.add(node, nameNode, 'field', name, variableId(scope.type, name), scope, null);
      symbol.type = type + (declarator.childForFieldName('dimensions')?.text ?? '');
      const value = declarator.childForFieldName('value');
      if (value) this.searchBody(value, withMember(scope, symbol.id, symbol.id));
    }
  }

  private declareEnumConstant(node: Node, scope: Scope): void {
    const nameNode = node.childForFieldName('name');
    if (!nameNode || !scope.type) return;
    const name = this.nameText(nameNode);
    const body = node.childForFieldName('body');
    const symbol = this.add(node, nameNode, 'enumConstant', name, variableId(scope.type, name), scope, body);
    const inner: Scope = withMember(scope, symbol.id, symbol.id);
    const args = node.childForFieldName('arguments');
    if (args) this.searchBody(args, inner);
    if (body) this.declareAnonymous(node, body, inner);
  }

  /**
   * `body` is the declaration's body node, or null where it has none; the callers have it at hand
   * already (each call into the parser costs, and there are tens of thousands of symbols).
   */
  private add(node: Node, nameNode: Node, kind: SymbolKind, name: string, id: string, scope: Scope, body: Node | null): JavaSymbol {
    const seen = this.seenIds.get(id) ?? 0;
    this.seenIds.set(id, seen + 1);
    const range = rangeOf(node);
    const symbol: JavaSymbol = {
      id: seen === 0 ? id : `${id}~${seen + 1}`,
      kind,
      name,
      range,
      nameRange: nameRangeOf(nameNode, name),
      headerEndLine: body ? body.startPosition.row + 1 : range[2],
      parent: scope.parent,
      modifiers: [],
      annotations: [],
      javadoc: this.mayFollowComment(node.startIndex) ? javadocOf(node, this.text) : null,
    };
    if (scope.local) symbol.local = true;
    if (this.mayStartWithModifiers(node.startIndex)) {
      const first = node.firstNamedChild;
      if (first?.type === 'modifiers') readModifiers(first, symbol);
    }
    this.symbols.push(symbol);
    return symbol;
  }

  /** An identifier's text, read from the source rather than asked of the parser. */
  private nameText(nameNode: Node): string {
    const text = this.text;
    const start = nameNode.startIndex;
    let end = start;
    while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
    return end > start ? text.slice(start, end) : nameNode.text;
  }

  /** Whether a comment could end right before `index` (only whitespace between): else no javadoc. */
  private mayFollowComment(index: number): boolean {
    let i = index - 1;
    while (i >= 0 && isSpace(this.text.charCodeAt(i))) i--;
    return i >= 1 && this.text.charCodeAt(i) === 0x2f && this.text.charCodeAt(i - 1) === 0x2a;
  }

  /** A declaration has a modifiers node only when it starts with an annotation or a keyword. */
  private mayStartWithModifiers(index: number): boolean {
    const first = this.text.charCodeAt(index);
    return first === 0x40 || (first >= 0x61 && first <= 0x7a);
  }
}

/** A name's range; one without a line break ends as many code units after its start as it is long. */
function nameRangeOf(nameNode: Node, name: string): Range {
  const start = nameNode.startPosition;
  if (name.includes('\n')) return rangeOf(nameNode);
  return [start.row + 1, start.column + 1, start.row + 1, start.column + 1 + name.length];
}

function rangeOf(node: Node): Range {
  const start = node.startPosition;
  const end = node.endPosition;
  return [start.row + 1, start.column + 1, end.row + 1, end.column + 1];
}

/** Modifier keywords, whose node type is the keyword itself. */
const MODIFIER_KEYWORDS: ReadonlySet<string> = new Set(['public', 'protected', 'private', 'abstract', 'static', 'final', 'strictfp', 'default', 'synchronized', 'native', 'transient', 'volatile', 'sealed', 'non-sealed']);

function readModifiers(modifiers: Node, symbol: JavaSymbol): void {
  for (const child of modifiers.children) {
    if (!child) continue;
    const type = child.type;
    if (type === 'annotation' || type === 'marker_annotation') {
      const name = child.childForFieldName('name');
      if (name) symbol.annotations.push(name.text);
    } else if (MODIFIER_KEYWORDS.has(type)) {
      symbol.modifiers.push(type);
    } else if (type !== 'line_comment' && type !== 'block_comment') {
      symbol.modifiers.push(child.text);
    }
  }
}

/** The `/** … *\/` comment right before a declaration, with only whitespace between. */
function javadocOf(node: Node, text: string): Range | null {
  const previous = node.previousSibling;
  if (!previous || previous.type !== 'block_comment') return null;
  const comment = previous.text;
  if (!comment.startsWith('/**') || comment === '/**/') return null;
  if (text.slice(previous.endIndex, node.startIndex).trim() !== '') return null;
  return rangeOf(previous);
}

function parameterTypes(parameters: Node | null): string[] {
  const types: string[] = [];
  for (const parameter of parameters?.namedChildren ?? []) {
    if (!parameter) continue;
    if (parameter.type === 'formal_parameter') {
      const type = parameter.childForFieldName('type')?.text ?? '?';
      types.push(erasedTypeText(type) + (parameter.childForFieldName('dimensions')?.text.replace(/\s/g, '') ?? ''));
    } else if (parameter.type === 'spread_parameter') {
      const type = parameter.namedChildren.find((c) => c && c.type !== 'modifiers' && c.type !== 'variable_declarator' && !c.type.endsWith('annotation'));
      types.push(erasedTypeText(type?.text ?? '?') + '...');
    }
  }
  return types;
}

function supertypesOf(node: Node): string[] {
  const names: string[] = [];
  const holders = [node.childForFieldName('superclass'), node.childForFieldName('interfaces'), node.namedChildren.find((c) => c?.type === 'extends_interfaces') ?? null];
  for (const holder of holders) {
    if (!holder) continue;
    const list = holder.namedChildren.find((c) => c?.type === 'type_list');
    for (const type of list ? list.namedChildren : holder.namedChildren) if (type) names.push(erasedTypeText(type.text));
  }
  return names;
}

function readImport(node: Node): JavaImport {
  const plain = plainImport(node.text, node.startPosition.row + 1);
  if (plain) return plain;
  const isStatic = node.children.some((c) => c?.type === 'static');
  const onDemand = node.namedChildren.some((c) => c?.type === 'asterisk');
  const name = node.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier')?.text ?? '';
  return { name, isStatic, onDemand, line: node.startPosition.row + 1 };
}

function collectSyntaxProblems(root: Node): SyntaxProblem[] {
  if (!root.hasError) return [];
  const problems: SyntaxProblem[] = [];
  const visit = (node: Node) => {
    if (problems.length >= MAX_SYNTAX_PROBLEMS) return;
    if (node.isMissing) {
      problems.push({ line: node.startPosition.row + 1, column: node.startPosition.column + 1, message: `missing ${node.type}` });
      return;
    }
    if (node.type === 'ERROR') {
      const snippet = node.text.split('\n')[0]?.slice(0, 40) ?? '';
      problems.push({ line: node.startPosition.row + 1, column: node.startPosition.column + 1, message: `cannot parse ${JSON.stringify(snippet)}` });
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return problems;
}
