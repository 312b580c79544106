import { describe, expect, it } from 'vitest';
import { childIds, factsOf, idsOf, lineOf, positionOf, symbolOf } from '../../helpers/java';

describe('overloads', async () => {
  const { text, facts } = await factsOf('overloads/Overloads.java');
  const O = 'org.example.overloads.Overloads';

  it('gives each overload its own id, with parameter types erased the documented way', () => {
    expect(idsOf(facts, 'method')).toEqual([
      `${O}#send(String)`,
      `${O}#send(String,byte[])`,
      `${O}#send(String,byte[]...)`,
      `${O}#send(Map)`, // generic arguments and the package qualifier dropped
      `${O}#send(Map.Entry)`, // a nested type keeps its outer type
      `${O}#send(Map.Entry,int)`, // java.util.Map.Entry<...> is written the same way
      `${O}#send(int[][],long)`, // C-style array brackets after the name
      `${O}#send(List,String...)`, // modifiers and annotations on parameters are not part of the type
    ]);
    expect(idsOf(facts, 'constructor')).toEqual([`${O}#Overloads()`, `${O}#Overloads(int)`]);
  });

  it('puts each overload at its own line and lists its parameter types', () => {
    const varargs = symbolOf(facts, `${O}#send(String,byte[]...)`);
    expect(varargs.range[0]).toBe(lineOf(text, 'byte[]... chunks'));
    expect(varargs.parameters).toEqual(['String', 'byte[]...']);
    expect(varargs.type).toBe('void');
    expect(symbolOf(facts, `${O}#send(int[][],long)`).range[0]).toBe(lineOf(text, 'int matrix[][]'));
    expect(symbolOf(facts, `${O}#Overloads()`).parameters).toEqual([]);
    const names = new Set(facts.symbols.filter((s) => s.kind === 'method').map((s) => s.name));
    expect([...names]).toEqual(['send']);
  });
});

describe('generics', async () => {
  const { text, facts } = await factsOf('generics/Registry.java');
  const R = 'org.example.generics.Registry';

  it('names a generic type without its type parameters and keeps supertypes without arguments', () => {
    const registry = symbolOf(facts, R);
    expect(registry.name).toBe('Registry');
    expect(registry.supertypes).toEqual(['Iterable']);
  });

  it('writes type variables as they are named and drops type parameter declarations from ids', () => {
    expect(idsOf(facts, 'method')).toEqual([
      `${R}#first(List)`,
      `${R}#mapValues(Function)`,
      `${R}#max(Collection,N)`,
      `${R}#toArray(T[])`,
      `${R}#iterator()`,
    ]);
    expect(symbolOf(facts, `${R}#first(List)`).type).toBe('T');
    expect(symbolOf(facts, `${R}#mapValues(Function)`).type).toBe('Map');
    expect(symbolOf(facts, `${R}#toArray(T[])`).type).toBe('T[]');
    expect(symbolOf(facts, `${R}#iterator()`).type).toBe('Iterator');
  });

  it('finds the method name after a long type parameter list', () => {
    const max = symbolOf(facts, `${R}#max(Collection,N)`);
    const at = positionOf(text, 'max(Collection<N>');
    expect(max.nameRange).toEqual([at.line, at.column, at.line, at.column + 3]);
    expect(max.modifiers).toEqual(['static']);
  });
});

describe('annotations and modifiers', async () => {
  const { text, facts } = await factsOf('annotations-and-modifiers/Annotated.java');
  const A = 'org.example.annotated.Annotated';

  it('lists annotations by name, without arguments, apart from keyword modifiers', () => {
    const type = symbolOf(facts, A);
    expect(type.annotations).toEqual(['SuppressWarnings', 'Deprecated']);
    expect(type.modifiers).toEqual(['public', 'final']);
    const method = symbolOf(facts, `${A}#toString()`);
    expect(method.annotations).toEqual(['Override', 'SuppressWarnings']);
    expect(method.modifiers).toEqual(['public', 'synchronized']);
    const field = symbolOf(facts, `${A}#counter`);
    expect(field.annotations).toEqual(['Deprecated']);
    expect(field.modifiers).toEqual(['protected', 'static', 'volatile']);
    expect(symbolOf(facts, `${A}#skipped`).modifiers).toEqual(['transient']);
  });

  it('keeps a qualified annotation name as written', () => {
    const call = symbolOf(facts, `${A}#nativeCall()`);
    expect(call.annotations).toEqual(['org.example.annotated.Audit']);
    expect(call.modifiers).toEqual(['private', 'static', 'native']);
  });

  it('starts a declaration at its first annotation and its name where the name is', () => {
    const type = symbolOf(facts, A);
    expect(type.range[0]).toBe(lineOf(text, '@SuppressWarnings("unchecked")'));
    expect(type.nameRange[0]).toBe(lineOf(text, 'public final class Annotated'));
    expect(type.headerEndLine).toBe(type.nameRange[0]);
    const method = symbolOf(facts, `${A}#toString()`);
    expect(method.range[0]).toBe(lineOf(text, '@Override'));
    expect(method.nameRange[0]).toBe(lineOf(text, 'String toString()'));
  });

  it('leaves parameter annotations and modifiers out of the method and of its id', () => {
    const accept = symbolOf(facts, `${A}#accept(String,int)`);
    expect(accept.annotations).toEqual([]);
    expect(accept.modifiers).toEqual(['public']);
    expect(accept.parameters).toEqual(['String', 'int']);
  });

  it('declares an annotation type and its elements', () => {
    expect(symbolOf(facts, 'org.example.annotated.Audit').kind).toBe('annotation');
    expect(childIds(facts, 'org.example.annotated.Audit')).toEqual(['org.example.annotated.Audit#level()']);
  });
});

describe('several declarators in one field declaration', async () => {
  const { text, facts } = await factsOf('multiple-declarators/Declarators.java');
  const D = 'org.example.fields.Declarators';

  it('declares one field per declarator, each with its own name position and array dimensions', () => {
    expect(idsOf(facts, 'field')).toEqual(['a', 'b', 'first', 'second', 'third', 'names', 'more', 'left', 'right'].map((n) => `${D}#${n}`));
    const types = Object.fromEntries(facts.symbols.filter((s) => s.kind === 'field').map((s) => [s.name, s.type]));
    expect(types).toEqual({ a: 'int', b: 'int', first: 'long', second: 'long[]', third: 'long', names: 'String[]', more: 'String[][]', left: 'Map', right: 'Map' });
    const a = symbolOf(facts, `${D}#a`);
    const b = symbolOf(facts, `${D}#b`);
    expect(a.range).toEqual(b.range);
    const line = lineOf(text, 'int a, b;');
    expect(a.nameRange).toEqual([line, positionOf(text, 'a, b;').column, line, positionOf(text, 'a, b;').column + 1]);
    expect(b.nameRange).toEqual([line, positionOf(text, 'b;').column, line, positionOf(text, 'b;').column + 1]);
  });

  it('shares the modifiers of the declaration and keeps a later declarator on its own line', () => {
    for (const name of ['first', 'second', 'third']) expect(symbolOf(facts, `${D}#${name}`).modifiers).toEqual(['private', 'static']);
    const right = symbolOf(facts, `${D}#right`);
    expect(right.nameRange[0]).toBe(lineOf(text, 'right = new'));
    expect(right.range[0]).toBe(lineOf(text, 'java.util.Map<String, Integer> left'));
  });

  it('names an anonymous class in a later declarator after that declarator', () => {
    expect(symbolOf(facts, `${D}#right$1`).parent).toBe(`${D}#right`);
    expect(symbolOf(facts, `${D}#right$1#get(Object)`).annotations).toEqual(['Override']);
    expect(idsOf(facts).some((id) => id.startsWith(`${D}#left$`))).toBe(false);
  });
});

describe('headerEndLine', async () => {
  const { text, facts } = await factsOf('header-end-lines/Headers.java');
  const H = 'org.example.headers.Headers';

  it('is the line where the body opens for types and methods', () => {
    expect(symbolOf(facts, H).headerEndLine).toBe(lineOf(text, 'implements Runnable {'));
    expect(symbolOf(facts, H).range[0]).toBe(lineOf(text, 'public class Headers'));
    const copy = symbolOf(facts, `${H}#copy(List,int)`);
    expect(copy.range[0]).toBe(lineOf(text, 'public <T> List<T> copy('));
    expect(copy.headerEndLine).toBe(lineOf(text, 'throws IllegalStateException {'));
    expect(symbolOf(facts, `${H}#run()`).headerEndLine).toBe(lineOf(text, 'public void run() {}'));
  });

  it('is the last line for a method without a body and for a field', () => {
    expect(symbolOf(facts, `${H}.Contract#multi(int,int)`).headerEndLine).toBe(lineOf(text, 'int b);'));
    const items = symbolOf(facts, `${H}#items`);
    expect(items.range[0]).toBe(lineOf(text, 'private final List<String> items ='));
    expect(items.headerEndLine).toBe(lineOf(text, '"b");'));
    expect(items.headerEndLine).toBe(items.range[2]);
    const single = symbolOf(facts, `${H}#single`);
    expect(single.headerEndLine).toBe(lineOf(text, 'private int single = 1;'));
  });
});
