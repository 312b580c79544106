import type { IndexedFile, JavaFacts } from '../index/format';
import type { JavaImport, JavaSymbol } from '../java/types';
import { TYPE_KINDS } from '../java/types';

/** What a file says about names it can use without qualification. */
export interface FileContext {
  path: string;
  packageName: string;
  /** Simple name → FQN of single-type imports. */
  singleImports: Map<string, string>;
  /** Packages (or types, for nested ones) imported with `.*`. */
  onDemandImports: string[];
  /** Simple member name → [type FQN, member] of single static imports. */
  staticImports: Map<string, [string, string]>;
  /** Types whose static members are all imported (`import static a.B.*`). */
  staticOnDemand: string[];
}

export interface TypeInfo {
  symbol: JavaSymbol;
  path: string;
  file: FileContext;
  /** Members by simple name (fields, methods, constructors, enum constants, nested types). */
  members: Map<string, JavaSymbol[]>;
  resolvedSupertypes?: string[];
}

const PRIMITIVES = new Set(['byte', 'short', 'int', 'long', 'float', 'double', 'boolean', 'char', 'void', 'var']);

/**
 * Every declaration of the source, organised for name resolution: types by id (their fully
 * qualified name, for non-local types), members by type, top-level types by package, each file's
 * imports. Built once per ingest from the symbols alone.
 */
export class SymbolTables {
  readonly types = new Map<string, TypeInfo>();
  readonly symbols = new Map<string, JavaSymbol>();
  private readonly packages = new Map<string, Map<string, string>>();
  private readonly files = new Map<string, FileContext>();

  constructor(files: readonly IndexedFile[], java: JavaFacts) {
    // Main sources first, so that a test class never shadows the real one of the same name.
    const ordered = [...files].filter((f) => f.kind === 'java').sort((a, b) => Number(isTest(a.path)) - Number(isTest(b.path)));
    for (const file of ordered) {
      const facts = java[file.sha1];
      if (!facts) continue;
      const context = fileContext(file.path, facts.packageName ?? '', facts.imports);
      this.files.set(file.path, context);
      for (const symbol of facts.symbols) {
        if (symbol.kind === 'package' || this.symbols.has(symbol.id)) continue;
        this.symbols.set(symbol.id, symbol);
        if (TYPE_KINDS.has(symbol.kind)) {
          this.types.set(symbol.id, { symbol, path: file.path, file: context, members: new Map() });
          if (symbol.parent === (facts.packageName ?? null) && !symbol.local) {
            const names = this.packages.get(context.packageName) ?? new Map<string, string>();
            if (!names.has(symbol.name)) names.set(symbol.name, symbol.id);
            this.packages.set(context.packageName, names);
          }
        }
      }
      for (const symbol of facts.symbols) {
        const owner = symbol.parent ? this.types.get(symbol.parent) : undefined;
        if (!owner || owner.symbol === symbol || this.symbols.get(symbol.id) !== symbol) continue;
        const list = owner.members.get(symbol.name) ?? [];
        list.push(symbol);
        owner.members.set(symbol.name, list);
      }
    }
  }

  fileContext(path: string): FileContext | undefined {
    return this.files.get(path);
  }

  /**
   * A type name as written somewhere inside `fromType` (a type id), to the id of the type it
   * denotes, or null when it is not a type of this source (the JDK, a library, a type variable).
   */
  resolveType(written: string, fromType: string, typeVars: readonly string[] = []): string | null {
    const name = written.replace(/(\[\]|\.\.\.)+$/, '');
    if (!name || PRIMITIVES.has(name)) return null;
    const [head = '', ...rest] = name.split('.');
    if (typeVars.includes(head)) return null;
    const found = this.resolveSimpleType(head, fromType);
    if (!found) {
      // A qualified name: the longest package prefix that names a type, then nested types.
      for (let i = rest.length; i > 0; i--) {
        const candidate = [head, ...rest.slice(0, i)].join('.');
        if (this.types.has(candidate) && !this.types.get(candidate)!.symbol.local) {
          return this.nested(candidate, rest.slice(i));
        }
      }
      return null;
    }
    return this.nested(found, rest);
  }

  private nested(typeId: string, names: readonly string[]): string | null {
    let current: string | null = typeId;
    for (const name of names) {
      if (!current) return null;
      current = this.memberType(current, name);
    }
    return current;
  }

  /** A nested type visible as a member of a type (declared there or inherited). */
  memberType(typeId: string, name: string, seen = new Set<string>()): string | null {
    if (seen.has(typeId)) return null;
    seen.add(typeId);
    const own = this.types.get(typeId)?.members.get(name)?.find((s) => TYPE_KINDS.has(s.kind));
    if (own) return own.id;
    for (const supertype of this.supertypes(typeId)) {
      const inherited = this.memberType(supertype, name, seen);
      if (inherited) return inherited;
    }
    return null;
  }

  private resolveSimpleType(name: string, fromType: string): string | null {
    // The type itself, then types nested in it and in its enclosing types (and their supertypes).
    for (const enclosing of this.enclosingTypes(fromType)) {
      const info = this.types.get(enclosing);
      if (info?.symbol.name === name && !info.symbol.local && enclosing.endsWith(`.${name}`)) return enclosing;
      if (info?.symbol.local && info.symbol.name === name) return enclosing;
      const member = this.memberType(enclosing, name);
      if (member) return member;
    }
    const file = this.types.get(fromType)?.file;
    if (!file) return null;
    const imported = file.singleImports.get(name);
    if (imported) return this.types.has(imported) ? imported : null;
    const samePackage = this.packages.get(file.packageName)?.get(name);
    if (samePackage) return samePackage;
    for (const prefix of file.onDemandImports) {
      const candidate = `${prefix}.${name}`;
      if (this.types.has(candidate)) return candidate;
    }
    return null;
  }

  /** The type, then the types that lexically enclose it (through methods, for local and anonymous classes). */
  enclosingTypes(typeId: string): string[] {
    const chain: string[] = [];
    let current: string | null = typeId;
    while (current) {
      const symbol: JavaSymbol | undefined = this.symbols.get(current);
      if (!symbol) break;
      if (TYPE_KINDS.has(symbol.kind)) chain.push(symbol.id);
      current = symbol.parent;
    }
    return chain;
  }

  /** Resolved direct supertypes of a type (those of this source only). */
  supertypes(typeId: string): string[] {
    const info = this.types.get(typeId);
    if (!info) return [];
    if (!info.resolvedSupertypes) {
      info.resolvedSupertypes = [];
      const context = info.symbol.parent && this.types.has(info.symbol.parent) ? info.symbol.parent : typeId;
      for (const written of info.symbol.supertypes ?? []) {
        // A supertype name is resolved from the enclosing scope: a class cannot see its own members in its extends clause.
        const resolved = this.resolveSupertypeName(written, context, typeId);
        if (resolved && resolved !== typeId) info.resolvedSupertypes.push(resolved);
      }
    }
    return info.resolvedSupertypes;
  }

  private resolveSupertypeName(written: string, context: string, self: string): string | null {
    if (context === self) {
      const file = this.types.get(self)?.file;
      const head = written.split('.')[0] ?? '';
      const imported = file?.singleImports.get(head);
      if (imported && this.types.has(imported)) return this.nested(imported, written.split('.').slice(1));
    }
    return this.resolveType(written, context);
  }

  /** The type and all its supertypes of this source, most derived first. */
  hierarchy(typeId: string): string[] {
    const order: string[] = [];
    const queue = [typeId];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      order.push(next);
      queue.push(...this.supertypes(next));
    }
    return order;
  }

  /** Fields and enum constants named so, in the type or inherited (the most derived wins). */
  findField(typeId: string, name: string): JavaSymbol | null {
    for (const type of this.hierarchy(typeId)) {
      const field = this.types.get(type)?.members.get(name)?.find((s) => s.kind === 'field' || s.kind === 'enumConstant');
      if (field) return field;
    }
    return null;
  }

  /** Methods named so in the type and its supertypes; an override hides what it overrides. */
  findMethods(typeId: string, name: string): JavaSymbol[] {
    const found: JavaSymbol[] = [];
    const signatures = new Set<string>();
    for (const type of this.hierarchy(typeId)) {
      for (const method of this.types.get(type)?.members.get(name) ?? []) {
        if (method.kind !== 'method') continue;
        const signature = (method.parameters ?? []).join(',');
        if (signatures.has(signature)) continue;
        signatures.add(signature);
        found.push(method);
      }
    }
    return found;
  }

  constructors(typeId: string): JavaSymbol[] {
    const info = this.types.get(typeId);
    if (!info) return [];
    return info.members.get(info.symbol.name)?.filter((s) => s.kind === 'constructor') ?? [];
  }

  /** The type a member belongs to (its parent), for resolving the member's declared type. */
  ownerOf(symbol: JavaSymbol): string | null {
    return symbol.parent && this.types.has(symbol.parent) ? symbol.parent : null;
  }
}

function fileContext(path: string, packageName: string, imports: readonly JavaImport[]): FileContext {
  const context: FileContext = { path, packageName, singleImports: new Map(), onDemandImports: [], staticImports: new Map(), staticOnDemand: [] };
  for (const item of imports) {
    if (item.isStatic) {
      if (item.onDemand) context.staticOnDemand.push(item.name);
      else {
        const dot = item.name.lastIndexOf('.');
        context.staticImports.set(item.name.slice(dot + 1), [item.name.slice(0, dot), item.name.slice(dot + 1)]);
      }
    } else if (item.onDemand) {
      context.onDemandImports.push(item.name);
    } else {
      context.singleImports.set(item.name.slice(item.name.lastIndexOf('.') + 1), item.name);
    }
  }
  return context;
}

function isTest(path: string): boolean {
  return !path.includes('/src/main/');
}
