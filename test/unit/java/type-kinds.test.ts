import { describe, expect, it } from 'vitest';
import { childIds, factsOf, idsOf, lineOf, symbolOf } from '../../helpers/java';

describe('enums with constant bodies, constructors and methods', async () => {
  const { text, facts } = await factsOf('enum-constant-bodies/Level.java');
  const E = 'org.example.enums.Level';

  it('declares the constants in order, at their lines', () => {
    const constants = facts.symbols.filter((s) => s.kind === 'enumConstant');
    expect(constants.map((s) => s.id)).toEqual(['LOW', 'MEDIUM', 'HIGH', 'CUSTOM'].map((n) => `${E}#${n}`));
    for (const constant of constants) {
      expect(constant.parent).toBe(E);
      expect(constant.nameRange[0]).toBe(lineOf(text, `    ${constant.name}(`));
    }
  });

  it('makes a constant body an anonymous class of that constant, holding its methods', () => {
    const low = symbolOf(facts, `${E}#LOW$1`);
    expect(low.kind).toBe('class');
    expect(low.local).toBe(true);
    expect(low.parent).toBe(`${E}#LOW`);
    expect(low.name).toBe('LOW {…}');
    expect(childIds(facts, `${E}#LOW$1`)).toEqual([`${E}#LOW$1#weight()`]);
    expect(childIds(facts, `${E}#HIGH$1`)).toEqual([`${E}#HIGH$1#weight()`, `${E}#HIGH$1#onlyHere()`]);
    expect(symbolOf(facts, `${E}#HIGH$1#onlyHere()`).range[0]).toBe(lineOf(text, 'void onlyHere()'));
    expect(idsOf(facts).filter((id) => id.startsWith(`${E}#MEDIUM$`))).toEqual([]);
  });

  it('finds an anonymous class among a constant`s arguments', () => {
    expect(symbolOf(facts, `${E}#CUSTOM$1`).parent).toBe(`${E}#CUSTOM`);
    expect(symbolOf(facts, `${E}#CUSTOM$1`).supertypes).toEqual(['Object']);
    expect(symbolOf(facts, `${E}#CUSTOM$1#hidden`).kind).toBe('field');
  });

  it('declares constructors, fields and methods of the enum itself', () => {
    expect(idsOf(facts, 'constructor')).toEqual([`${E}#Level(int)`, `${E}#Level(int,Object)`]);
    expect(symbolOf(facts, `${E}#code`).modifiers).toEqual(['private', 'final']);
    expect(symbolOf(facts, `${E}#weight()`).parent).toBe(E);
    expect(symbolOf(facts, `${E}#of(int)`).type).toBe('Level');
    expect(symbolOf(facts, E).kind).toBe('enum');
  });
});

describe('interfaces with default, static and private methods', async () => {
  const { text, facts } = await factsOf('interface-default-and-static-methods/Shape.java');
  const S = 'org.example.interfaces.Shape';

  it('declares the interface with every supertype it extends', () => {
    const shape = symbolOf(facts, S);
    expect(shape.kind).toBe('interface');
    expect(shape.supertypes).toEqual(['Comparable', 'Serializable']);
  });

  it('keeps `default` and `static` as modifiers of the methods that have them', () => {
    expect(symbolOf(facts, `${S}#area()`).modifiers).toEqual([]);
    expect(symbolOf(facts, `${S}#describe()`).modifiers).toEqual(['default']);
    expect(symbolOf(facts, `${S}#unit()`).modifiers).toEqual(['static']);
    expect(symbolOf(facts, `${S}#label()`).modifiers).toEqual(['private']);
    expect(symbolOf(facts, `${S}#CORNERS`).kind).toBe('field');
  });

  it('finds an anonymous implementation inside a static method, and a nested interface', () => {
    expect(childIds(facts, `${S}#unit()$1`)).toEqual([`${S}#unit()$1#area()`, `${S}#unit()$1#compareTo(Shape)`]);
    expect(symbolOf(facts, `${S}#unit()$1`).range[0]).toBe(lineOf(text, 'return new Shape()'));
    expect(symbolOf(facts, `${S}.Visitor#visit(Shape)`).type).toBe('R');
  });
});

describe('records', async () => {
  const { text, facts } = await factsOf('records/Range.java');
  const R = 'org.example.records.Range';

  it('declares each component as a field of the record, on the header line', () => {
    const header = lineOf(text, 'public record Range(');
    const components = childIds(facts, R).slice(0, 3);
    expect(components).toEqual([`${R}#from`, `${R}#to`, `${R}#labels`]);
    expect(symbolOf(facts, `${R}#from`).type).toBe('long');
    expect(symbolOf(facts, `${R}#labels`).type).toBe('List');
    for (const id of components) expect(symbolOf(facts, id).nameRange[0]).toBe(header);
    expect(symbolOf(facts, R).supertypes).toEqual(['Comparable']);
  });

  it('gives the compact constructor the component types as parameters', () => {
    const compact = symbolOf(facts, `${R}#Range(long,long,List)`);
    expect(compact.kind).toBe('constructor');
    expect(compact.parameters).toEqual(['long', 'long', 'List']);
    expect(compact.range[0]).toBe(lineOf(text, 'public Range {'));
    expect(symbolOf(facts, `${R}#Range(long)`).range[0]).toBe(lineOf(text, 'public Range(long single)'));
  });

  it('declares a varargs component and puts it in the compact constructor id', () => {
    const tagged = `${R}.Tagged`;
    expect(symbolOf(facts, tagged).kind).toBe('record');
    expect(symbolOf(facts, `${tagged}#weights`).type).toBe('int[]');
    const compact = symbolOf(facts, `${tagged}#Tagged(String,int...)`);
    expect(compact.parameters).toEqual(['String', 'int...']);
    expect(childIds(facts, tagged)).toEqual([`${tagged}#tag`, `${tagged}#weights`, `${tagged}#Tagged(String,int...)`]);
  });

  it('declares static fields and methods of the record body', () => {
    expect(symbolOf(facts, `${R}#EMPTY`).modifiers).toEqual(['public', 'static', 'final']);
    expect(symbolOf(facts, `${R}#length()`).type).toBe('long');
    expect(symbolOf(facts, `${R}#compareTo(Range)`).annotations).toEqual(['Override']);
  });
});

describe('annotation types', async () => {
  const { text, facts } = await factsOf('annotation-types/Retry.java');
  const A = 'org.example.annotations.Retry';

  it('declares the annotation type with its own annotations', () => {
    const retry = symbolOf(facts, A);
    expect(retry.kind).toBe('annotation');
    expect(retry.annotations).toEqual(['Retention', 'Target']);
    expect(retry.modifiers).toEqual(['public']);
    expect(retry.range[0]).toBe(lineOf(text, '@Retention('));
    expect(retry.nameRange[0]).toBe(lineOf(text, 'public @interface Retry'));
  });

  it('declares elements as methods with their types, and constants as fields', () => {
    expect(idsOf(facts, 'method')).toEqual([`${A}#times()`, `${A}#reasons()`, `${A}#on()`, `${A}#backoff()`, `${A}.Backoff#millis()`]);
    expect(symbolOf(facts, `${A}#reasons()`).type).toBe('String[]');
    expect(symbolOf(facts, `${A}#on()`).type).toBe('Class');
    expect(symbolOf(facts, `${A}#DEFAULT_TIMES`).kind).toBe('field');
    expect(symbolOf(facts, `${A}.Backoff`).kind).toBe('annotation');
    expect(symbolOf(facts, `${A}.Backoff`).parent).toBe(A);
  });
});
