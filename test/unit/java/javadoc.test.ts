import { describe, expect, it } from 'vitest';
import { factsOf, rangeOfText, symbolOf } from '../../helpers/java';

describe('javadoc ranges', async () => {
  const { text, facts } = await factsOf('javadoc-ranges/Documented.java');
  const D = 'org.example.javadoc.Documented';

  it('covers the comment before a type, across its annotations', () => {
    const type = symbolOf(facts, D);
    expect(type.javadoc).toEqual(rangeOfText(text, '/**\n * A documented type.\n */'));
    expect(type.range[0]).toBe(rangeOfText(text, '@Deprecated\npublic class')[0]);
  });

  it('covers a one-line comment before a field', () => {
    expect(symbolOf(facts, `${D}#LIMIT`).javadoc).toEqual(rangeOfText(text, '/** One-line doc on a field. */'));
  });

  it('covers a multi-line comment before a method that has annotations', () => {
    const start = text.indexOf('    /**\n     * Doc before annotations.') + 4;
    const end = text.indexOf('*/', start) + 2;
    const method = symbolOf(facts, `${D}#annotated()`);
    expect(method.javadoc).toEqual(rangeOfText(text, text.slice(start, end)));
    expect(method.javadoc![2] + 1).toBe(method.range[0]);
    expect(method.annotations).toEqual(['Deprecated', 'SuppressWarnings']);
  });

  it('is null when a line comment stands between the javadoc and the declaration', () => {
    expect(symbolOf(facts, `${D}#separated()`).javadoc).toBeNull();
  });

  it('is null for a plain block comment, an empty /**/ and no comment at all', () => {
    expect(symbolOf(facts, `${D}#plainBlock()`).javadoc).toBeNull();
    expect(symbolOf(facts, `${D}#emptyComment()`).javadoc).toBeNull();
    expect(symbolOf(facts, `${D}#undocumented()`).javadoc).toBeNull();
  });

  it('still attaches across a blank line, as the javadoc tool does', () => {
    expect(symbolOf(facts, `${D}#blankLineBetween()`).javadoc).toEqual(rangeOfText(text, '/** Doc followed by a blank line. */'));
  });

  it('attaches to an enum constant and not to the next one', () => {
    expect(symbolOf(facts, `${D}.Color#RED`).javadoc).toEqual(rangeOfText(text, '/** Red doc. */'));
    expect(symbolOf(facts, `${D}.Color#GREEN`).javadoc).toBeNull();
    expect(symbolOf(facts, `${D}.Color`).javadoc).toBeNull();
  });
});
