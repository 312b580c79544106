import { TYPE_KINDS, type JavaSymbol } from '../java/types';
import type { ContextEntry, Expr, FileXrefIr, Use } from './ir';
import type { SymbolTables } from './tables';

/** What a use resolves to: one declaration, several equally good ones, or nothing. */
export type Resolved = { kind: 'symbol'; id: string } | { kind: 'ambiguous'; ids: string[] } | null;

/** The static type of an expression: a type of this source, and whether it names the type itself (static access). */
interface TypeRef {
  id: string;
  isStatic: boolean;
}

const MAX_CANDIDATES = 6;
const WIDENING: Record<string, string[]> = {
  byte: ['short', 'int', 'long', 'float', 'double'],
  short: ['int', 'long', 'float', 'double'],
  char: ['int', 'long', 'float', 'double'],
  int: ['long', 'float', 'double', 'Integer'],
  long: ['float', 'double', 'Long'],
  float: ['double'],
  boolean: ['Boolean'],
};

/**
 * Resolves one file's uses against the whole source. What cannot be determined stays unresolved
 * rather than guessed; when several declarations fit equally (overloads with the same arity whose
 * argument types are unknown), all of them are returned.
 */
export class Resolver {
  constructor(private readonly tables: SymbolTables) {}

  resolveFile(path: string, ir: FileXrefIr): Array<{ use: Use; resolved: Resolved }> {
    return ir.uses.map((use) => ({ use, resolved: this.resolveUse(path, use, use.u === 'import' ? undefined : ir.contexts[use.ctx]) }));
  }

  resolveUse(path: string, use: Use, context: ContextEntry | undefined): Resolved {
    if (use.u === 'import') return this.resolveImport(path, use.name, use.isStatic);
    if (!context) return null;
    switch (use.u) {
      case 'type': {
        const id = this.tables.resolveType(use.n, context.type, context.typeVars);
        return id ? { kind: 'symbol', id } : null;
      }
      case 'new': {
        const type = this.tables.resolveType(use.t, context.type, context.typeVars);
        return type ? this.pickConstructor(type, use.args, context) : null;
      }
      case 'ctor': {
        const own = this.tables.enclosingTypes(context.type)[0];
        const type = use.s ? (own ? this.superclass(own) : null) : own;
        return type ? this.pickConstructor(type, use.args, context) : null;
      }
      case 'call':
        return this.resolveCall(use.n, use.args, use.of, context);
      case 'field': {
        const receiver = this.typeOf(use.of, context);
        if (!receiver) return null;
        const field = this.tables.findField(receiver.id, use.n);
        if (field) return { kind: 'symbol', id: field.id };
        const nested = receiver.isStatic ? this.tables.memberType(receiver.id, use.n) : null;
        return nested ? { kind: 'symbol', id: nested } : null;
      }
      case 'name':
        return this.resolveName(use.n, context, use.sw);
      case 'ref': {
        const receiver = 'k' in use.of && use.of.k === 'type' ? this.typeRef(this.tables.resolveType(use.of.t, context.type, context.typeVars), true) : this.typeOf(use.of as Expr, context);
        if (!receiver) return null;
        if (use.n === 'new') return this.pickConstructor(receiver.id, null, context);
        return this.choose(this.tables.findMethods(receiver.id, use.n), null, context);
      }
    }
  }

  private resolveImport(path: string, name: string, isStatic: boolean): Resolved {
    if (!isStatic) return this.tables.types.has(name) ? { kind: 'symbol', id: name } : null;
    const dot = name.lastIndexOf('.');
    const owner = name.slice(0, dot);
    const member = name.slice(dot + 1);
    if (!this.tables.types.has(owner)) return null;
    const field = this.tables.findField(owner, member);
    if (field) return { kind: 'symbol', id: field.id };
    const methods = this.tables.findMethods(owner, member);
    if (methods.length === 1) return { kind: 'symbol', id: methods[0]!.id };
    if (methods.length > 1) return { kind: 'ambiguous', ids: methods.slice(0, MAX_CANDIDATES).map((m) => m.id) };
    const nested = this.tables.memberType(owner, member);
    void path;
    return nested ? { kind: 'symbol', id: nested } : null;
  }

  private resolveCall(name: string, args: Expr[], of: Expr | null, context: ContextEntry): Resolved {
    if (of) {
      const receiver = this.typeOf(of, context);
      return receiver ? this.choose(this.tables.findMethods(receiver.id, name), args, context) : null;
    }
    // Unqualified: the innermost enclosing type that has a method of this name, then static imports.
    for (const type of this.tables.enclosingTypes(context.type)) {
      const methods = this.tables.findMethods(type, name);
      if (methods.length > 0) return this.choose(methods, args, context);
    }
    const file = this.tables.types.get(context.type)?.file;
    const imported = file?.staticImports.get(name);
    if (imported && this.tables.types.has(imported[0])) return this.choose(this.tables.findMethods(imported[0], name), args, context);
    for (const owner of file?.staticOnDemand ?? []) {
      if (!this.tables.types.has(owner)) continue;
      const methods = this.tables.findMethods(owner, name);
      if (methods.length > 0) return this.choose(methods, args, context);
    }
    return null;
  }

  private resolveName(name: string, context: ContextEntry, switchSubject?: Expr): Resolved {
    if (switchSubject) {
      const subject = this.typeOf(switchSubject, context);
      const constant = subject ? this.tables.findField(subject.id, name) : null;
      if (constant?.kind === 'enumConstant') return { kind: 'symbol', id: constant.id };
    }
    const field = this.fieldInScope(name, context);
    if (field) return { kind: 'symbol', id: field.id };
    const type = this.tables.resolveType(name, context.type, context.typeVars);
    return type ? { kind: 'symbol', id: type } : null;
  }

  /** A field visible by its simple name: in the enclosing types (with inherited ones), then static imports. */
  private fieldInScope(name: string, context: ContextEntry): JavaSymbol | null {
    for (const type of this.tables.enclosingTypes(context.type)) {
      const field = this.tables.findField(type, name);
      if (field) return field;
    }
    const file = this.tables.types.get(context.type)?.file;
    const imported = file?.staticImports.get(name);
    if (imported && this.tables.types.has(imported[0])) {
      const field = this.tables.findField(imported[0], name);
      if (field) return field;
    }
    for (const owner of file?.staticOnDemand ?? []) {
      if (!this.tables.types.has(owner)) continue;
      const field = this.tables.findField(owner, name);
      if (field) return field;
    }
    return null;
  }

  private typeOf(expr: Expr, context: ContextEntry): TypeRef | null {
    switch (expr.k) {
      case 'this': {
        const own = this.tables.enclosingTypes(context.type)[0];
        return own ? { id: own, isStatic: false } : null;
      }
      case 'super': {
        const own = this.tables.enclosingTypes(context.type)[0];
        const parent = own ? this.superclass(own) : null;
        return parent ? { id: parent, isStatic: false } : null;
      }
      case 'local':
        return expr.t ? this.typeRef(this.tables.resolveType(expr.t, context.type, context.typeVars), false) : null;
      case 'name': {
        if (expr.n.includes('.')) return this.typeRef(this.tables.resolveType(expr.n, context.type, context.typeVars), true);
        const field = this.fieldInScope(expr.n, context);
        if (field) return this.declaredType(field);
        return this.typeRef(this.tables.resolveType(expr.n, context.type, context.typeVars), true);
      }
      case 'field': {
        const receiver = this.typeOf(expr.of, context);
        if (!receiver) return null;
        const field = this.tables.findField(receiver.id, expr.n);
        if (field) return this.declaredType(field);
        return receiver.isStatic ? this.typeRef(this.tables.memberType(receiver.id, expr.n), true) : null;
      }
      case 'call': {
        const resolved = this.resolveCall(expr.n, expr.args, expr.of, context);
        if (!resolved || resolved.kind !== 'symbol') return null;
        const method = this.tables.symbols.get(resolved.id);
        return method ? this.declaredType(method) : null;
      }
      case 'new':
      case 'typed':
        return this.typeRef(this.tables.resolveType(expr.t, context.type, context.typeVars), false);
      case 'unknown':
        return null;
    }
  }

  /** An argument's type as written at its declaration (`byte[]`, `long`, `MessageExt`), where it can be told. */
  private writtenTypeOf(expr: Expr, context: ContextEntry): string | null {
    switch (expr.k) {
      case 'local':
        return expr.t;
      case 'typed':
      case 'new':
        return expr.t;
      case 'name': {
        const field = expr.n.includes('.') ? null : this.fieldInScope(expr.n, context);
        return field?.kind === 'enumConstant' ? (field.parent ? field.parent.slice(field.parent.lastIndexOf('.') + 1) : null) : (field?.type ?? null);
      }
      case 'field': {
        const receiver = this.typeOf(expr.of, context);
        const field = receiver ? this.tables.findField(receiver.id, expr.n) : null;
        return field?.kind === 'enumConstant' ? (field.parent ? field.parent.slice(field.parent.lastIndexOf('.') + 1) : null) : (field?.type ?? null);
      }
      case 'call': {
        const resolved = this.resolveCall(expr.n, expr.args, expr.of, context);
        return resolved?.kind === 'symbol' ? (this.tables.symbols.get(resolved.id)?.type ?? null) : null;
      }
      case 'this': {
        const own = this.tables.enclosingTypes(context.type)[0];
        return own ? own.slice(own.lastIndexOf('.') + 1) : null;
      }
      default:
        return null;
    }
  }

  /** The declared type of a field or the return type of a method, resolved where it is declared. */
  private declaredType(member: JavaSymbol): TypeRef | null {
    if (!member.type || /\[\]$|\.\.\.$/.test(member.type)) return null;
    if (member.kind === 'enumConstant') return member.parent ? { id: member.parent, isStatic: false } : null;
    const owner = this.tables.ownerOf(member);
    return owner ? this.typeRef(this.tables.resolveType(member.type, owner), false) : null;
  }

  private typeRef(id: string | null, isStatic: boolean): TypeRef | null {
    return id ? { id, isStatic } : null;
  }

  private superclass(typeId: string): string | null {
    const info = this.tables.types.get(typeId);
    if (!info) return null;
    const supertypes = this.tables.supertypes(typeId);
    // The first written supertype of a class is its superclass when it is a class.
    const first = supertypes[0];
    return first && this.tables.types.get(first)?.symbol.kind === 'class' && info.symbol.kind === 'class' ? first : null;
  }

  private pickConstructor(typeId: string, args: Expr[] | null, context: ContextEntry): Resolved {
    const constructors = this.tables.constructors(typeId);
    if (constructors.length === 0) {
      const kind = this.tables.types.get(typeId)?.symbol.kind;
      return kind && TYPE_KINDS.has(kind) ? { kind: 'symbol', id: typeId } : null;
    }
    const chosen = this.choose(constructors, args, context);
    return chosen ?? { kind: 'symbol', id: typeId };
  }

  /** Narrows overloads by arity, then by the argument types that can be worked out (null: arity unknown, as in `X::m`). */
  private choose(candidates: JavaSymbol[], args: Expr[] | null, context: ContextEntry): Resolved {
    if (candidates.length === 0) return null;
    let fitting = args === null ? candidates : candidates.filter((c) => acceptsArity(c, args.length));
    if (fitting.length === 0) return null;
    // Java tries fixed-arity methods before variable-arity ones.
    if (args !== null && fitting.some((c) => !isVarargs(c))) fitting = fitting.filter((c) => !isVarargs(c));
    const argTypes = fitting.length > 1 && args ? args.map((arg) => this.writtenTypeOf(arg, context)) : [];
    if (argTypes.some((t) => t !== null)) {
      const scored = fitting.map((candidate) => ({ candidate, score: this.argumentScore(candidate, argTypes, context) })).filter((s) => s.score >= 0);
      const best = Math.max(...scored.map((s) => s.score));
      const top = scored.filter((s) => s.score === best).map((s) => s.candidate);
      if (top.length > 0) fitting = top;
    }
    if (fitting.length === 1) return { kind: 'symbol', id: fitting[0]!.id };
    return { kind: 'ambiguous', ids: fitting.slice(0, MAX_CANDIDATES).map((c) => c.id) };
  }

  /** -1 when a known argument cannot be passed to the parameter; otherwise the number of exact matches. */
  private argumentScore(candidate: JavaSymbol, argTypes: Array<string | null>, context: ContextEntry): number {
    const parameters = candidate.parameters ?? [];
    const last = parameters.length - 1;
    const varargs = parameters[last]?.endsWith('...') ?? false;
    let score = 0;
    for (let i = 0; i < argTypes.length; i++) {
      const arg = argTypes[i];
      const parameter = varargs && i >= last ? parameters[last]!.slice(0, -3) : parameters[i];
      if (!arg || !parameter) continue;
      const match = this.typeMatch(arg, parameter, candidate, context);
      if (match < 0) return -1;
      score += match;
    }
    return score;
  }

  /** 1 for the same type, 0 for an assignable or undecidable one, -1 for a type that cannot be passed. */
  private typeMatch(arg: string, parameter: string, candidate: JavaSymbol, context: ContextEntry): number {
    const simple = (t: string) => t.slice(t.lastIndexOf('.') + 1);
    if (simple(arg) === simple(parameter)) return 1;
    if (WIDENING[arg]?.includes(parameter)) return 0;
    const primitive = /^(byte|short|int|long|float|double|boolean|char)$/;
    if (primitive.test(arg) || primitive.test(parameter)) return primitive.test(arg) && primitive.test(parameter) ? -1 : 0;
    if (parameter === 'Object') return 0;
    const argType = this.tables.resolveType(arg, context.type, context.typeVars);
    const owner = this.tables.ownerOf(candidate);
    const parameterType = owner ? this.tables.resolveType(parameter, owner) : null;
    if (!argType || !parameterType) return 0;
    return this.tables.hierarchy(argType).includes(parameterType) ? 0 : -1;
  }
}

function isVarargs(candidate: JavaSymbol): boolean {
  return candidate.parameters?.at(-1)?.endsWith('...') ?? false;
}

function acceptsArity(candidate: JavaSymbol, arity: number): boolean {
  const parameters = candidate.parameters ?? [];
  const varargs = parameters.at(-1)?.endsWith('...') ?? false;
  return varargs ? arity >= parameters.length - 1 : arity === parameters.length;
}
