import type { Node, Tree } from 'web-tree-sitter';
import { erasedTypeText } from '../java/symbol-id';
import type { JavaSymbol } from '../java/types';
import type { ContextEntry, Expr, FileXrefIr, LocalRef, Position, Use } from './ir';

interface LocalDecl {
  line: number;
  column: number;
  type: string | null;
}

const TYPE_DECLARATIONS = new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration', 'annotation_type_declaration']);
const CALLABLES = new Set(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration', 'annotation_type_element_declaration']);
const SKIPPED = new Set(['line_comment', 'block_comment', 'string_literal', 'character_literal', 'decimal_integer_literal', 'hex_integer_literal', 'octal_integer_literal', 'binary_integer_literal', 'decimal_floating_point_literal', 'hex_floating_point_literal', 'true', 'false', 'null_literal', 'package_declaration']);
const LITERAL_TYPES: Record<string, string> = {
  string_literal: 'String',
  character_literal: 'char',
  decimal_integer_literal: 'int',
  hex_integer_literal: 'int',
  octal_integer_literal: 'int',
  binary_integer_literal: 'int',
  decimal_floating_point_literal: 'double',
  hex_floating_point_literal: 'double',
  true: 'boolean',
  false: 'boolean',
};

/**
 * Walks a parsed file and records every name it uses: locals and parameters are resolved on the
 * spot (scopes are lexical); types, fields, methods and constructors are described well enough
 * (receiver expression, argument count and known argument types, enclosing type) for the global
 * pass to resolve them.
 */
export function extractXrefIr(tree: Tree, symbols: readonly JavaSymbol[]): FileXrefIr {
  return new Extractor(symbols).run(tree.rootNode);
}

class Extractor {
  private readonly uses: Use[] = [];
  private readonly locals: LocalRef[] = [];
  private readonly contexts: ContextEntry[] = [];
  private readonly contextKeys = new Map<string, number>();
  private readonly symbolsByName = new Map<string, JavaSymbol[]>();
  private readonly scopes: Array<Map<string, LocalDecl>> = [];
  private typeStack: string[] = [];
  private typeVarStack: string[][] = [];
  private ctx = -1;

  constructor(symbols: readonly JavaSymbol[]) {
    for (const symbol of symbols) {
      const key = `${symbol.nameRange[0]}:${symbol.nameRange[1]}`;
      const list = this.symbolsByName.get(key);
      if (list) list.push(symbol);
      else this.symbolsByName.set(key, [symbol]);
    }
  }

  run(root: Node): FileXrefIr {
    this.visitChildren(root);
    return { contexts: this.contexts, uses: this.uses, locals: this.locals };
  }

  // ── contexts ──────────────────────────────────────────────────────────────

  private enterContext(type: string | undefined, typeVars: string[], body: () => void): void {
    const savedTypes = this.typeStack;
    const savedVars = this.typeVarStack;
    const savedCtx = this.ctx;
    if (type !== undefined) this.typeStack = [...this.typeStack, type];
    this.typeVarStack = [...this.typeVarStack, typeVars];
    const current = this.typeStack[this.typeStack.length - 1];
    if (current !== undefined) {
      const vars = this.typeVarStack.flat();
      const key = `${current}|${vars.join(',')}`;
      let index = this.contextKeys.get(key);
      if (index === undefined) {
        index = this.contexts.length;
        this.contexts.push({ type: current, typeVars: vars });
        this.contextKeys.set(key, index);
      }
      this.ctx = index;
    }
    try {
      body();
    } finally {
      this.typeStack = savedTypes;
      this.typeVarStack = savedVars;
      this.ctx = savedCtx;
    }
  }

  /** The type declared at a name (for an enum constant with a body, its anonymous class). */
  private typeAt(node: Node | null): JavaSymbol | undefined {
    if (!node) return undefined;
    const found = this.symbolsByName.get(`${node.startPosition.row + 1}:${node.startPosition.column + 1}`) ?? [];
    return found.find((s) => s.kind === 'class' || s.kind === 'interface' || s.kind === 'enum' || s.kind === 'record' || s.kind === 'annotation');
  }

  // ── scopes ────────────────────────────────────────────────────────────────

  private withScope(body: () => void): void {
    this.scopes.push(new Map());
    try {
      body();
    } finally {
      this.scopes.pop();
    }
  }

  private declareLocal(nameNode: Node | null, type: string | null): void {
    if (!nameNode || nameNode.type !== 'identifier') return;
    const scope = this.scopes[this.scopes.length - 1];
    if (!scope) return;
    scope.set(nameNode.text, { line: nameNode.startPosition.row + 1, column: nameNode.startPosition.column + 1, type });
  }

  private lookupLocal(name: string): LocalDecl | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const found = this.scopes[i]!.get(name);
      if (found) return found;
    }
    return undefined;
  }

  // ── the walk ──────────────────────────────────────────────────────────────

  private visitChildren(node: Node): void {
    for (const child of node.namedChildren) if (child) this.visit(child);
  }

  private visit(node: Node): void {
    const type = node.type;
    if (SKIPPED.has(type)) return;
    if (TYPE_DECLARATIONS.has(type)) return this.visitTypeDeclaration(node);
    if (CALLABLES.has(type)) return this.visitCallable(node);
    switch (type) {
      case 'import_declaration':
        return this.visitImport(node);
      case 'field_declaration':
      case 'constant_declaration':
        return this.visitFieldDeclaration(node);
      case 'enum_constant':
        return this.visitEnumConstant(node);
      case 'object_creation_expression':
        return this.visitObjectCreation(node);
      case 'method_invocation':
        return this.visitMethodInvocation(node);
      case 'field_access':
        return this.visitFieldAccess(node);
      case 'method_reference':
        return this.visitMethodReference(node);
      case 'explicit_constructor_invocation':
        return this.visitExplicitConstructor(node);
      case 'identifier':
        return this.visitName(node);
      case 'type_identifier':
        return this.visitType(node);
      case 'scoped_type_identifier':
        return this.visitScopedType(node);
      case 'marker_annotation':
      case 'annotation':
        return this.visitAnnotation(node);
      case 'element_value_pair': {
        const value = node.childForFieldName('value');
        if (value) this.visit(value);
        return;
      }
      case 'block':
      case 'constructor_body':
      case 'switch_block_statement_group':
      case 'switch_rule':
        return this.withScope(() => this.visitChildren(node));
      case 'static_initializer':
        return this.withScope(() => this.visitChildren(node));
      case 'local_variable_declaration':
        return this.visitLocalDeclaration(node);
      case 'for_statement':
        return this.withScope(() => this.visitChildren(node));
      case 'enhanced_for_statement':
        return this.visitEnhancedFor(node);
      case 'catch_clause':
        return this.visitCatch(node);
      case 'try_with_resources_statement':
        return this.withScope(() => this.visitChildren(node));
      case 'resource':
        return this.visitResource(node);
      case 'lambda_expression':
        return this.visitLambda(node);
      case 'instanceof_expression':
        return this.visitInstanceof(node);
      case 'type_pattern':
        return this.visitTypePattern(node);
      case 'switch_expression':
      case 'switch_statement':
        return this.visitSwitch(node);
      case 'labeled_statement':
      case 'break_statement':
      case 'continue_statement': {
        for (const child of node.namedChildren) if (child && child.type !== 'identifier') this.visit(child);
        return;
      }
      case 'type_parameters':
        return; // handled where they are declared
      default:
        this.visitChildren(node);
    }
  }

  private visitImport(node: Node): void {
    const name = node.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier');
    if (!name || node.namedChildren.some((c) => c?.type === 'asterisk')) return;
    const last = name.type === 'scoped_identifier' ? name.childForFieldName('name') : name;
    if (!last) return;
    this.uses.push({ u: 'import', p: pos(last), n: last.text, name: name.text, isStatic: node.children.some((c) => c?.type === 'static') });
  }

  private visitTypeDeclaration(node: Node): void {
    for (const annotation of this.modifiers(node)) this.visit(annotation);
    const symbol = this.typeAt(node.childForFieldName('name'));
    const typeVars = typeParameterNames(node.childForFieldName('type_parameters'));
    this.enterContext(symbol?.id, typeVars, () => {
      this.visitTypeParameterBounds(node.childForFieldName('type_parameters'));
      for (const field of ['superclass', 'interfaces', 'permits']) {
        const child = node.childForFieldName(field);
        if (child) this.visit(child);
      }
      const extendsInterfaces = node.namedChildren.find((c) => c?.type === 'extends_interfaces');
      if (extendsInterfaces) this.visit(extendsInterfaces);
      const components = node.type === 'record_declaration' ? node.childForFieldName('parameters') : null;
      if (components) for (const component of components.namedChildren) if (component) this.visitTypeOf(component);
      const body = node.childForFieldName('body');
      if (body) this.visitChildren(body);
    });
  }

  private visitCallable(node: Node): void {
    for (const annotation of this.modifiers(node)) this.visit(annotation);
    const typeVars = typeParameterNames(node.childForFieldName('type_parameters'));
    this.enterContext(undefined, typeVars, () => {
      this.visitTypeParameterBounds(node.childForFieldName('type_parameters'));
      const returnType = node.childForFieldName('type');
      if (returnType) this.visit(returnType);
      this.withScope(() => {
        const parameters = node.childForFieldName('parameters');
        for (const parameter of parameters?.namedChildren ?? []) if (parameter) this.visitParameter(parameter);
        if (node.type === 'compact_constructor_declaration') this.declareRecordComponentsAsLocals(node);
        for (const child of node.namedChildren) if (child?.type === 'throws') this.visit(child);
        const value = node.childForFieldName('value');
        if (value) this.visit(value);
        const body = node.childForFieldName('body');
        if (body) this.visitChildren(body);
      });
    });
  }

  /** In a compact constructor, the record's components are in scope as parameters. */
  private declareRecordComponentsAsLocals(node: Node): void {
    const record = node.parent?.parent;
    for (const component of record?.childForFieldName('parameters')?.namedChildren ?? []) {
      if (component) this.declareLocal(component.childForFieldName('name'), typeTextOf(component.childForFieldName('type')));
    }
  }

  private visitParameter(parameter: Node): void {
    for (const annotation of this.modifiers(parameter)) this.visit(annotation);
    if (parameter.type === 'formal_parameter') {
      const typeNode = parameter.childForFieldName('type');
      if (typeNode) this.visit(typeNode);
      this.declareLocal(parameter.childForFieldName('name'), typeTextOf(typeNode, parameter.childForFieldName('dimensions')));
    } else if (parameter.type === 'spread_parameter') {
      const typeNode = parameter.namedChildren.find((c) => c && c.type !== 'modifiers' && c.type !== 'variable_declarator' && !c.type.endsWith('annotation'));
      if (typeNode) this.visit(typeNode);
      const declarator = parameter.namedChildren.find((c) => c?.type === 'variable_declarator');
      this.declareLocal(declarator?.childForFieldName('name') ?? null, typeNode ? `${typeTextOf(typeNode)}[]` : null);
    } else if (parameter.type === 'identifier') {
      this.declareLocal(parameter, null);
    }
  }

  private visitFieldDeclaration(node: Node): void {
    for (const annotation of this.modifiers(node)) this.visit(annotation);
    const typeNode = node.childForFieldName('type');
    if (typeNode) this.visit(typeNode);
    for (const declarator of node.childrenForFieldName('declarator')) {
      const value = declarator?.childForFieldName('value');
      if (value) this.withScope(() => this.visit(value));
    }
  }

  private visitEnumConstant(node: Node): void {
    for (const annotation of this.modifiers(node)) this.visit(annotation);
    const args = node.childForFieldName('arguments');
    if (args) this.visit(args);
    const body = node.childForFieldName('body');
    if (body) this.enterContext(this.typeAt(node.childForFieldName('name'))?.id, [], () => this.visitChildren(body));
  }

  private visitObjectCreation(node: Node): void {
    const typeNode = node.childForFieldName('type');
    const args = node.childForFieldName('arguments');
    // Node objects are created per access, so nodes are compared by id.
    const outer = node.namedChildren.find((c) => c && c.id !== typeNode?.id && c.id !== args?.id && c.type !== 'class_body' && c.type !== 'type_arguments' && !c.type.endsWith('annotation'));
    if (outer) this.visit(outer);
    if (typeNode) {
      const last = lastTypeIdentifier(typeNode);
      if (last) this.uses.push({ u: 'new', p: pos(last), t: typeTextOf(typeNode) ?? last.text, len: last.text.length, args: this.describeArgs(args), ctx: this.ctx });
      this.visitTypeArgumentsAndQualifier(typeNode);
    }
    if (args) this.visit(args);
    const body = node.namedChildren.find((c) => c?.type === 'class_body');
    if (body) {
      this.enterContext(this.typeAt(typeNode)?.id, [], () => this.visitChildren(body));
    }
  }

  private visitMethodInvocation(node: Node): void {
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('name');
    const args = node.childForFieldName('arguments');
    if (object) this.visit(object);
    if (name) {
      const hasSuper = node.children.some((c) => c?.type === 'super');
      const of: Expr | null = object ? this.describe(object) : hasSuper ? { k: 'super' } : null;
      this.uses.push({ u: 'call', p: pos(name), n: name.text, args: this.describeArgs(args), of, ctx: this.ctx });
    }
    const typeArguments = node.childForFieldName('type_arguments');
    if (typeArguments) this.visit(typeArguments);
    if (args) this.visit(args);
  }

  private visitFieldAccess(node: Node): void {
    const object = node.childForFieldName('object');
    const field = node.childForFieldName('field');
    if (object) this.visit(object);
    if (field && field.type === 'identifier' && object) this.uses.push({ u: 'field', p: pos(field), n: field.text, of: this.describe(object), ctx: this.ctx });
    else if (field && field.type === 'identifier' && node.children.some((c) => c?.type === 'super')) this.uses.push({ u: 'field', p: pos(field), n: field.text, of: { k: 'super' }, ctx: this.ctx });
  }

  private visitMethodReference(node: Node): void {
    const children = node.namedChildren.filter((c): c is Node => c !== null);
    const target = children[0];
    const name = children.length > 1 ? children[children.length - 1] : undefined;
    if (!target) return;
    const isType = /type|generic_type|scoped_type_identifier|array_type/.test(target.type) && target.type !== 'identifier';
    if (isType) this.visit(target);
    else if (target.type !== 'super' && target.type !== 'this') this.visit(target);
    const methodName = name && name.id !== target.id && name.type === 'identifier' ? name : null;
    if (!methodName) return;
    const of = isType ? { k: 'type' as const, t: typeTextOf(target) ?? target.text } : target.type === 'identifier' && !this.lookupLocal(target.text) ? { k: 'type' as const, t: target.text } : this.describe(target);
    this.uses.push({ u: 'ref', p: pos(methodName), n: methodName.text, of, ctx: this.ctx });
  }

  private visitExplicitConstructor(node: Node): void {
    const keyword = node.childForFieldName('constructor');
    const args = node.childForFieldName('arguments');
    const object = node.childForFieldName('object');
    if (object) this.visit(object);
    if (keyword) this.uses.push({ u: 'ctor', p: pos(keyword), len: keyword.text.length, s: keyword.type === 'super', args: this.describeArgs(args), ctx: this.ctx });
    if (args) this.visit(args);
  }

  private visitName(node: Node): void {
    const local = this.lookupLocal(node.text);
    if (local) {
      this.locals.push([node.startPosition.row + 1, node.startPosition.column + 1, node.text.length, local.line, local.column]);
      return;
    }
    this.uses.push({ u: 'name', p: pos(node), n: node.text, ctx: this.ctx });
  }

  private visitType(node: Node): void {
    this.uses.push({ u: 'type', p: pos(node), n: node.text, len: node.text.length, ctx: this.ctx });
  }

  /** `Map.Entry`, `pkg.Outer.Inner`: each type segment is a use, named by its prefix. */
  private visitScopedType(node: Node): void {
    const parts: Node[] = [];
    const collect = (current: Node) => {
      for (const child of current.namedChildren) {
        if (!child) continue;
        if (child.type === 'scoped_type_identifier') collect(child);
        else if (child.type === 'type_identifier') parts.push(child);
        else if (child.type === 'generic_type') collect(child);
        else this.visit(child);
      }
    };
    collect(node);
    const firstType = parts.findIndex((part) => /^[A-Z_$]/.test(part.text));
    parts.forEach((part, i) => {
      if (firstType < 0 || i < firstType) return;
      this.uses.push({ u: 'type', p: pos(part), n: parts.slice(0, i + 1).map((p) => p.text).join('.'), len: part.text.length, ctx: this.ctx });
    });
  }

  private visitAnnotation(node: Node): void {
    const name = node.childForFieldName('name');
    if (name?.type === 'identifier') this.uses.push({ u: 'type', p: pos(name), n: name.text, len: name.text.length, ctx: this.ctx });
    else if (name?.type === 'scoped_identifier') {
      const last = name.childForFieldName('name');
      if (last) this.uses.push({ u: 'type', p: pos(last), n: name.text, len: last.text.length, ctx: this.ctx });
    }
    const args = node.childForFieldName('arguments');
    if (args) this.visitChildren(args);
  }

  private visitLocalDeclaration(node: Node): void {
    for (const annotation of this.modifiers(node)) this.visit(annotation);
    const typeNode = node.childForFieldName('type');
    if (typeNode) this.visit(typeNode);
    const declared = typeTextOf(typeNode);
    for (const declarator of node.childrenForFieldName('declarator')) {
      if (!declarator) continue;
      const value = declarator.childForFieldName('value');
      if (value) this.visit(value);
      const type = declared === 'var' ? inferredType(value) : declared === null ? null : declared + (declarator.childForFieldName('dimensions')?.text.replace(/\s/g, '') ?? '');
      this.declareLocal(declarator.childForFieldName('name'), type);
    }
  }

  private visitEnhancedFor(node: Node): void {
    this.withScope(() => {
      const typeNode = node.childForFieldName('type');
      if (typeNode) this.visit(typeNode);
      const value = node.childForFieldName('value');
      if (value) this.visit(value);
      const declared = typeTextOf(typeNode);
      this.declareLocal(node.childForFieldName('name'), declared === 'var' ? null : declared);
      const body = node.childForFieldName('body');
      if (body) this.visit(body);
    });
  }

  private visitCatch(node: Node): void {
    this.withScope(() => {
      const parameter = node.namedChildren.find((c) => c?.type === 'catch_formal_parameter');
      if (parameter) {
        const catchType = parameter.namedChildren.find((c) => c?.type === 'catch_type');
        if (catchType) this.visit(catchType);
        const types = catchType?.namedChildren.filter((c): c is Node => c !== null) ?? [];
        this.declareLocal(parameter.childForFieldName('name'), types.length === 1 ? typeTextOf(types[0]!) : null);
      }
      const body = node.childForFieldName('body');
      if (body) this.visit(body);
    });
  }

  private visitResource(node: Node): void {
    const typeNode = node.childForFieldName('type');
    if (typeNode) this.visit(typeNode);
    const value = node.childForFieldName('value');
    if (value) this.visit(value);
    const name = node.childForFieldName('name');
    if (name) {
      const declared = typeTextOf(typeNode);
      this.declareLocal(name, declared === 'var' ? inferredType(value) : declared);
    } else {
      this.visitChildren(node);
    }
  }

  private visitLambda(node: Node): void {
    this.withScope(() => {
      const parameters = node.childForFieldName('parameters');
      if (parameters?.type === 'identifier') this.declareLocal(parameters, null);
      else if (parameters?.type === 'inferred_parameters') for (const p of parameters.namedChildren) this.declareLocal(p, null);
      else if (parameters) for (const p of parameters.namedChildren) if (p) this.visitParameter(p);
      const body = node.childForFieldName('body');
      if (body) this.visit(body);
    });
  }

  private visitInstanceof(node: Node): void {
    const left = node.childForFieldName('left');
    if (left) this.visit(left);
    const right = node.childForFieldName('right');
    if (right) this.visit(right);
    const pattern = node.childForFieldName('pattern');
    if (pattern) this.visit(pattern);
    const name = node.childForFieldName('name');
    if (name) this.declareLocal(name, typeTextOf(right));
  }

  private visitTypePattern(node: Node): void {
    const [typeNode, name] = node.namedChildren;
    if (typeNode) this.visit(typeNode);
    if (name?.type === 'identifier') this.declareLocal(name, typeTextOf(typeNode ?? null));
  }

  /** `case NAME:` in a switch on an enum names a constant of the subject's type. */
  private visitSwitch(node: Node): void {
    const condition = node.childForFieldName('condition');
    if (condition) this.visit(condition);
    const subject = condition ? this.describe(condition) : ({ k: 'unknown' } as Expr);
    const body = node.childForFieldName('body');
    if (!body) return;
    for (const group of body.namedChildren) {
      if (!group) continue;
      this.withScope(() => {
        for (const child of group.namedChildren) {
          if (!child) continue;
          if (child.type === 'switch_label') {
            for (const label of child.namedChildren) {
              if (label?.type === 'identifier' && !this.lookupLocal(label.text)) this.uses.push({ u: 'name', p: pos(label), n: label.text, ctx: this.ctx, sw: subject });
              else if (label) this.visit(label);
            }
          } else {
            this.visit(child);
          }
        }
      });
    }
  }

  private visitTypeOf(component: Node): void {
    const typeNode = component.childForFieldName('type');
    if (typeNode) this.visit(typeNode);
  }

  private visitTypeParameterBounds(parameters: Node | null): void {
    for (const parameter of parameters?.namedChildren ?? []) {
      for (const child of parameter?.namedChildren ?? []) if (child && child.type !== 'type_identifier') this.visit(child);
    }
  }

  private visitTypeArgumentsAndQualifier(typeNode: Node): void {
    if (typeNode.type === 'generic_type') {
      for (const child of typeNode.namedChildren) if (child?.type === 'type_arguments') this.visit(child);
      const base = typeNode.namedChildren.find((c) => c?.type === 'scoped_type_identifier');
      if (base) this.visitTypeArgumentsAndQualifier(base);
    } else if (typeNode.type === 'scoped_type_identifier') {
      const inner = typeNode.namedChildren.filter((c): c is Node => c !== null);
      const prefix = inner.slice(0, -1);
      for (const child of prefix) {
        if (child.type === 'type_identifier') this.visitType(child);
        else this.visitTypeArgumentsAndQualifier(child);
      }
    }
  }

  private modifiers(node: Node): Node[] {
    const modifiers = node.namedChildren.find((c) => c?.type === 'modifiers');
    return modifiers ? modifiers.namedChildren.filter((c): c is Node => c !== null && (c.type === 'annotation' || c.type === 'marker_annotation')) : [];
  }

  // ── expressions ───────────────────────────────────────────────────────────

  /** What the file can tell about an expression's value, for resolving what is called on it. */
  private describe(node: Node): Expr {
    switch (node.type) {
      case 'this':
        return { k: 'this' };
      case 'super':
        return { k: 'super' };
      case 'identifier': {
        const local = this.lookupLocal(node.text);
        return local ? { k: 'local', t: local.type } : { k: 'name', n: node.text };
      }
      case 'field_access': {
        const object = node.childForFieldName('object');
        const field = node.childForFieldName('field');
        if (!object || !field) return { k: 'unknown' };
        if (field.type === 'this') return { k: 'this' };
        return { k: 'field', of: this.describe(object), n: field.text };
      }
      case 'method_invocation': {
        const object = node.childForFieldName('object');
        const name = node.childForFieldName('name');
        const args = node.childForFieldName('arguments');
        if (!name) return { k: 'unknown' };
        const of: Expr | null = object ? this.describe(object) : node.children.some((c) => c?.type === 'super') ? { k: 'super' } : null;
        return { k: 'call', of, n: name.text, args: this.describeArgs(args) };
      }
      case 'object_creation_expression': {
        const typeNode = node.childForFieldName('type');
        const text = typeTextOf(typeNode);
        return text ? { k: 'new', t: text } : { k: 'unknown' };
      }
      case 'parenthesized_expression': {
        const inner = node.namedChildren[0];
        return inner ? this.describe(inner) : { k: 'unknown' };
      }
      case 'cast_expression': {
        const text = typeTextOf(node.childForFieldName('type'));
        return text ? { k: 'typed', t: text } : { k: 'unknown' };
      }
      case 'scoped_identifier':
        return { k: 'name', n: node.text };
      default: {
        const literal = LITERAL_TYPES[node.type];
        return literal ? { k: 'typed', t: literal } : { k: 'unknown' };
      }
    }
  }

  /** The arguments, described like receivers, so the global pass can tell overloads apart. */
  private describeArgs(args: Node | null): Expr[] {
    const described: Expr[] = [];
    for (const arg of args?.namedChildren ?? []) {
      if (arg && arg.type !== 'line_comment' && arg.type !== 'block_comment') described.push(this.describe(arg));
    }
    return described;
  }
}

function pos(node: Node): Position {
  return [node.startPosition.row + 1, node.startPosition.column + 1];
}

/** A type as written, generics and annotations removed (`List<Foo>[]` → `List[]`), or null. */
function typeTextOf(typeNode: Node | null | undefined, dimensions?: Node | null): string | null {
  if (!typeNode) return null;
  if (typeNode.type === 'integral_type' || typeNode.type === 'floating_point_type' || typeNode.type === 'boolean_type' || typeNode.type === 'void_type') return typeNode.text;
  const text = erasedTypeText(typeNode.text);
  return text ? text + (dimensions?.text.replace(/\s/g, '') ?? '') : null;
}

function lastTypeIdentifier(typeNode: Node): Node | null {
  if (typeNode.type === 'type_identifier') return typeNode;
  const children = typeNode.namedChildren.filter((c): c is Node => c !== null && c.type !== 'type_arguments' && !c.type.endsWith('annotation'));
  for (let i = children.length - 1; i >= 0; i--) {
    const found = lastTypeIdentifier(children[i]!);
    if (found) return found;
  }
  return null;
}

function typeParameterNames(parameters: Node | null): string[] {
  const names: string[] = [];
  for (const parameter of parameters?.namedChildren ?? []) {
    const name = parameter?.namedChildren.find((c) => c?.type === 'type_identifier');
    if (name) names.push(name.text);
  }
  return names;
}

/** The type of `var x = <value>` when the value says it: `new X()`, a cast, a literal. */
function inferredType(value: Node | null): string | null {
  if (!value) return null;
  if (value.type === 'object_creation_expression') return typeTextOf(value.childForFieldName('type'));
  if (value.type === 'cast_expression') return typeTextOf(value.childForFieldName('type'));
  return LITERAL_TYPES[value.type] ?? null;
}
