import { describe, expect, it } from 'vitest';
import { childIds, factsOf, idsOf, lineOf, positionOf, symbolOf } from '../../helpers/java';

describe('nested classes', async () => {
  const { text, facts } = await factsOf('nested-classes/Nesting.java');
  const P = 'org.example.nesting';

  it('names nested types with dots, at any depth, each with its enclosing type as parent', () => {
    const chain = [
      [`${P}.Nesting`, P],
      [`${P}.Nesting.StaticNested`, `${P}.Nesting`],
      [`${P}.Nesting.StaticNested.InnerOfNested`, `${P}.Nesting.StaticNested`],
      [`${P}.Nesting.StaticNested.InnerOfNested.Deeper`, `${P}.Nesting.StaticNested.InnerOfNested`],
    ] as const;
    for (const [id, parent] of chain) expect(symbolOf(facts, id).parent).toBe(parent);
    expect(symbolOf(facts, `${P}.Nesting.StaticNested.InnerOfNested.Deeper`).kind).toBe('interface');
    expect(symbolOf(facts, `${P}.Nesting.StaticNested.InnerOfNested.Deeper#call()`).parent).toBe(`${P}.Nesting.StaticNested.InnerOfNested.Deeper`);
  });

  it('records where each nested type starts and where its name is', () => {
    const deeper = symbolOf(facts, `${P}.Nesting.StaticNested.InnerOfNested.Deeper`);
    const at = positionOf(text, 'interface Deeper');
    expect(deeper.range[0]).toBe(at.line);
    expect(deeper.range[1]).toBe(at.column);
    expect(deeper.nameRange).toEqual([at.line, at.column + 'interface '.length, at.line, at.column + 'interface Deeper'.length]);
    expect(deeper.range[2]).toBe(lineOf(text, 'void call();') + 1);
  });

  it('keeps members with their own type: constructors of inner classes, constants of nested enums', () => {
    expect(symbolOf(facts, `${P}.Nesting.Inner#Inner(int)`).kind).toBe('constructor');
    expect(childIds(facts, `${P}.Nesting.Mode`)).toEqual([`${P}.Nesting.Mode#ON`, `${P}.Nesting.Mode#OFF`]);
    expect(symbolOf(facts, `${P}.Nesting.StaticNested#level`).kind).toBe('field');
    expect(symbolOf(facts, `${P}.Nesting.StaticNested`).modifiers).toEqual(['public', 'static']);
  });

  it('gives a second top-level type the package as parent, and nested types are not local', () => {
    expect(symbolOf(facts, `${P}.SecondTopLevel`).parent).toBe(P);
    expect(symbolOf(facts, `${P}.SecondTopLevel#helper()`).range[0]).toBe(lineOf(text, 'void helper()'));
    for (const symbol of facts.symbols) expect(symbol.local).toBeUndefined();
  });
});

describe('local and anonymous classes', async () => {
  const { text, facts } = await factsOf('anonymous-and-local-classes/Callbacks.java');
  const C = 'org.example.anonymous.Callbacks';

  it('names a local class after the member that declares it', () => {
    const counter = symbolOf(facts, `${C}#method(int)$Counter`);
    expect(counter.kind).toBe('class');
    expect(counter.local).toBe(true);
    expect(counter.parent).toBe(`${C}#method(int)`);
    expect(counter.range[0]).toBe(lineOf(text, 'class Counter'));
    expect(childIds(facts, `${C}#method(int)$Counter`)).toEqual([`${C}#method(int)$Counter#count`, `${C}#method(int)$Counter#add()`]);
    expect(symbolOf(facts, `${C}#method(int)$Counter#add()`).local).toBe(true);
  });

  it('numbers anonymous classes per member in the order their `new` appears', () => {
    const comparator = symbolOf(facts, `${C}#method(int)$1`);
    expect(comparator.name).toBe('new Comparator()');
    expect(comparator.supertypes).toEqual(['Comparator']);
    expect(comparator.range[0]).toBe(lineOf(text, 'new Comparator<String>()'));
    expect(symbolOf(facts, `${C}#method(int)$1#compare(String,String)`).parent).toBe(`${C}#method(int)$1`);
    // `new Thread(` comes before the `new Runnable()` passed to it, so the Thread subclass is $2.
    expect(symbolOf(facts, `${C}#method(int)$2`).name).toBe('new Thread()');
    expect(symbolOf(facts, `${C}#method(int)$3`).name).toBe('new Runnable()');
  });

  it('keeps an anonymous class passed to another anonymous class`s constructor out of that class', () => {
    const argument = symbolOf(facts, `${C}#method(int)$3`);
    const subclass = symbolOf(facts, `${C}#method(int)$2`);
    expect(argument.parent).toBe(`${C}#method(int)`);
    expect(subclass.parent).toBe(`${C}#method(int)`);
    expect(symbolOf(facts, `${C}#method(int)$3#run()`).parent).toBe(`${C}#method(int)$3`);
    expect(symbolOf(facts, `${C}#method(int)$2#run()`).annotations).toEqual(['Override']);
    // The subclass's header ends where its own body opens, after the argument's body.
    expect(subclass.headerEndLine).toBe(lineOf(text, '}) {'));
  });

  it('names anonymous classes of field initializers and of static and instance initializers', () => {
    const onField = symbolOf(facts, `${C}#onField$1`);
    expect(onField.parent).toBe(`${C}#onField`);
    expect(onField.local).toBe(true);
    expect(symbolOf(facts, `${C}#onField$1#run()`).range[0]).toBe(lineOf(text, '@Override\n        public void run() {\n            tick();') );
    expect(symbolOf(facts, `${C}#<clinit>$1`).range[0]).toBe(lineOf(text, 'GUARD = new Object()'));
    expect(symbolOf(facts, `${C}#<clinit>$1#toString()`).kind).toBe('method');
    expect(symbolOf(facts, `${C}#<init>$1`).range[0]).toBe(lineOf(text, 'instanceHook = new Runnable()'));
    expect(symbolOf(facts, `${C}#<init>$1#run()`).parent).toBe(`${C}#<init>$1`);
  });

  it('names an anonymous class inside an anonymous class`s method after that method', () => {
    expect(symbolOf(facts, `${C}#Callbacks()`).kind).toBe('constructor');
    expect(symbolOf(facts, `${C}#Callbacks()$1`).parent).toBe(`${C}#Callbacks()`);
    const nested = symbolOf(facts, `${C}#Callbacks()$1#run()$1`);
    expect(nested.parent).toBe(`${C}#Callbacks()$1#run()`);
    expect(nested.range[0]).toBe(lineOf(text, 'nested = new Runnable()'));
    expect(symbolOf(facts, `${C}#Callbacks()$1#run()$1#run()`).local).toBe(true);
  });

  it('keeps every id in the file unique and every parent declared before its children', () => {
    const ids = idsOf(facts);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Set<string>();
    for (const symbol of facts.symbols) {
      if (symbol.parent !== null) expect(seen.has(symbol.parent), `${symbol.id} before its parent ${symbol.parent}`).toBe(true);
      seen.add(symbol.id);
    }
    // `new Counter()` has no body: it is not an anonymous class.
    expect(ids.filter((id) => id.startsWith(`${C}#method(int)$`) && /\$\d+$/.test(id))).toHaveLength(3);
  });
});

describe('lambdas', async () => {
  const { text, facts } = await factsOf('lambdas/Pipelines.java');
  const L = 'org.example.lambdas.Pipelines';

  it('declares no symbol for a lambda, but finds the classes declared inside one', () => {
    expect(idsOf(facts)).toEqual([
      'org.example.lambdas',
      L,
      `${L}#lazy`,
      `${L}#lazy$FromFieldLambda`,
      `${L}#build()`,
      `${L}#build()$InsideLambda`,
      `${L}#build()$InsideLambda#run()`,
      `${L}#build()$1`,
      `${L}#build()$1#run()`,
    ]);
  });

  it('gives a class inside a lambda the member around the lambda as parent', () => {
    const inside = symbolOf(facts, `${L}#build()$InsideLambda`);
    expect(inside.parent).toBe(`${L}#build()`);
    expect(inside.supertypes).toEqual(['Runnable']);
    expect(inside.range[0]).toBe(lineOf(text, 'class InsideLambda'));
    expect(symbolOf(facts, `${L}#lazy$FromFieldLambda`).parent).toBe(`${L}#lazy`);
    expect(symbolOf(facts, `${L}#build()$1`).range[0]).toBe(lineOf(text, 'anon = new Runnable()'));
  });
});

describe('names outside ASCII', async () => {
  const { text, facts } = await factsOf('non-ascii-identifiers/Measures.java');
  const M = 'org.example.unicode.Measures';

  it('finds nested, local and anonymous classes whose type names are not ASCII', () => {
    expect(symbolOf(facts, `${M}.Größe#wert`).kind).toBe('field');
    expect(symbolOf(facts, `${M}#localWithAccent()$Über`).range[0]).toBe(lineOf(text, 'class Über'));
    expect(symbolOf(facts, `${M}#localWithAccent()$Über#go()`).kind).toBe('method');
    const anonymous = symbolOf(facts, `${M}#anonymousOfAccentedType()$1`);
    expect(anonymous.supertypes).toEqual(['Größe']);
    expect(symbolOf(facts, `${M}#anonymousOfAccentedType()$1#extra`).parent).toBe(anonymous.id);
  });

  it('finds an anonymous class whose type carries an annotation with arguments', () => {
    const annotated = symbolOf(facts, `${M}#anonymousOfAnnotatedType()$1`);
    expect(annotated.range[0]).toBe(lineOf(text, 'new @Tag("x") Object()'));
    expect(symbolOf(facts, `${M}#anonymousOfAnnotatedType()$1#annotated`).kind).toBe('field');
  });
});
