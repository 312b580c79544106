import { describe, expect, it } from 'vitest';
import { matchingBrace, skipCommentOrLiteral } from '../../../lib/java/lexical';

describe('matchingBrace', () => {
  it.each([
    ['nested blocks', '{ a { b } c }'],
    ['a brace in a string', '{ s = "}"; }'],
    ['an escaped quote before a brace in a string', '{ s = "\\"}"; }'],
    ['a brace in a character', "{ c = '}'; }"],
    ['an escaped quote in a character', "{ c = '\\''; d = '}'; }"],
    ['braces in a text block', '{ t = """\n  } { }\n  """; }'],
    ['braces in comments', '{ /* } */ // }\n }'],
  ])('finds the closing brace across %s', (_, text) => {
    expect(matchingBrace(text, 0)).toBe(text.length - 1);
  });

  it('returns -1 for a block never closed, or one whose literal is never closed', () => {
    expect(matchingBrace('{ a { b }', 0)).toBe(-1);
    expect(matchingBrace('{ s = "open\n }', 0)).toBe(-1);
    expect(matchingBrace('{ /* open }', 0)).toBe(-1);
  });
});

describe('skipCommentOrLiteral', () => {
  it('steps over what starts at the index, and stays put where nothing does', () => {
    expect(skipCommentOrLiteral('x // c\ny', 2)).toBe(7);
    expect(skipCommentOrLiteral('x /* c */ y', 2)).toBe(9);
    expect(skipCommentOrLiteral('"a\\"b" x', 0)).toBe(6);
    expect(skipCommentOrLiteral('a / b', 2)).toBe(2);
  });
});
