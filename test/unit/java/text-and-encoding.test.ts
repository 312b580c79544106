import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../lib/java/decode';
import { factsOf, factsOfText, fixtureBytes, fixtureText, lineOf, positionOf, rangeOfText, symbolOf } from '../../helpers/java';

describe('\\uXXXX escapes', async () => {
  const { text, facts } = await factsOf('unicode-escapes/Escapes.java');
  const E = 'org.example.escapes.Escapes';

  it('indexes fields whose strings and chars hold escapes, at their places', () => {
    expect(symbolOf(facts, `${E}#word`).nameRange[0]).toBe(lineOf(text, 'String word'));
    expect(symbolOf(facts, `${E}#quote`).nameRange[0]).toBe(lineOf(text, 'char quote'));
    const after = symbolOf(facts, `${E}#afterEscapes`);
    const at = positionOf(text, 'afterEscapes');
    expect(after.nameRange.slice(0, 2)).toEqual([at.line, at.column]);
  });

  it('counts columns in UTF-16 code units after characters outside the BMP', () => {
    // "é😀" is three UTF-16 units; the column after it must count them that way.
    const after = symbolOf(facts, `${E}#afterRealChars`);
    const at = positionOf(text, 'afterRealChars');
    expect(after.nameRange).toEqual([at.line, at.column, at.line, at.column + 'afterRealChars'.length]);
  });

  it('survives escapes in identifiers, reports them, and indexes what parses after them', () => {
    // tree-sitter does not translate \uXXXX before parsing, so an escaped identifier is an error.
    const escapedLines = [lineOf(text, 'int \\u0061lpha'), lineOf(text, 'void escaped\\u0042')];
    expect(facts.syntaxProblems.map((p) => p.line)).toEqual(escapedLines);
    for (const problem of facts.syntaxProblems) expect(problem.column).toBeGreaterThan(1);
    expect(symbolOf(facts, `${E}#last()`).range[0]).toBe(lineOf(text, 'void last()'));
    expect(symbolOf(facts, E).range[2]).toBe(text.trimEnd().split('\n').length);
  });
});

describe('CRLF line endings', async () => {
  const crlfText = fixtureText('crlf-line-endings/CrlfEndings.java');
  const lfText = crlfText.replace(/\r\n/g, '\n');
  const crlf = await factsOfText(crlfText);
  const lf = await factsOfText(lfText);

  it('is a fixture that really has CRLF line endings', () => {
    expect(crlfText.split('\r\n').length).toBeGreaterThan(10);
    expect(crlfText.split('\r\n').length).toBe(crlfText.split('\n').length);
  });

  it('gives every symbol the same lines and columns as the LF version of the file', () => {
    expect(crlf.symbols.map((s) => s.id)).toEqual(lf.symbols.map((s) => s.id));
    for (const [i, symbol] of crlf.symbols.entries()) {
      const twin = lf.symbols[i]!;
      expect({ id: symbol.id, range: symbol.range, nameRange: symbol.nameRange, javadoc: symbol.javadoc, header: symbol.headerEndLine }).toEqual({
        id: twin.id,
        range: twin.range,
        nameRange: twin.nameRange,
        javadoc: twin.javadoc,
        header: twin.headerEndLine,
      });
    }
    expect(crlf.lineCount).toBe(lf.lineCount);
    expect(crlf.syntaxProblems).toEqual([]);
  });

  it('places symbols where the text puts them', () => {
    const counter = symbolOf(crlf, 'org.example.crlf.CrlfEndings#counter');
    const at = positionOf(lfText, 'counter;');
    expect(counter.nameRange).toEqual([at.line, at.column, at.line, at.column + 'counter'.length]);
    const after = symbolOf(crlf, 'org.example.crlf.CrlfEndings#afterString');
    const afterAt = positionOf(lfText, 'afterString');
    expect(after.nameRange.slice(0, 2)).toEqual([afterAt.line, afterAt.column]);
    const type = symbolOf(crlf, 'org.example.crlf.CrlfEndings');
    expect(type.javadoc).toEqual(rangeOfText(lfText, '/**\n * Written with CRLF line endings.\n */'));
  });
});

describe('a syntax error', async () => {
  const { text, facts } = await factsOf('syntax-error/Broken.java');
  const B = 'org.example.broken.Broken';

  it('reports where the parser gave up, with a line and a column', () => {
    expect(facts.syntaxProblems.length).toBeGreaterThan(0);
    const first = facts.syntaxProblems[0]!;
    expect(first.line).toBe(lineOf(text, 'void bad( {'));
    expect(first.column).toBeGreaterThan(1);
    expect(first.message).not.toBe('');
    const badLines = new Set([lineOf(text, 'void bad( {'), lineOf(text, 'int x = ;')]);
    for (const problem of facts.syntaxProblems) expect(badLines.has(problem.line)).toBe(true);
  });

  it('still extracts the declarations before, around and after the error', () => {
    expect(symbolOf(facts, `${B}#before`).range[0]).toBe(lineOf(text, 'int before;'));
    expect(symbolOf(facts, `${B}#ok()`).range[0]).toBe(lineOf(text, 'void ok()'));
    expect(symbolOf(facts, `${B}#after()`).range[0]).toBe(lineOf(text, 'void after()'));
    expect(symbolOf(facts, `${B}.Inner#deep()`).parent).toBe(`${B}.Inner`);
    expect(symbolOf(facts, B).range[2]).toBe(lineOf(text, '        void deep() {}\n    }\n}') + 2);
  });

  it('reports no problem for a file that parses', async () => {
    const clean = await factsOfText('class Fine { void ok() {} }\n');
    expect(clean.syntaxProblems).toEqual([]);
  });
});

describe('bytes that are not UTF-8', () => {
  const bytes = fixtureBytes('latin1-bytes/Latin1Comment.java');

  it('decodes a Latin-1 file as Latin-1 and loses nothing', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeSource(bytes);
    expect(decoded.encoding).toBe('latin1');
    expect(Buffer.from(decoded.text, 'latin1').equals(bytes)).toBe(true);
    expect(decoded.text).toContain('Jérôme, © nobody');
    expect(decoded.text.length).toBe(bytes.length);
  });

  it('counts one column per Latin-1 byte, so columns after it are right', async () => {
    const text = decodeSource(bytes).text;
    const facts = await factsOfText(text);
    const field = symbolOf(facts, 'org.example.latin1.Latin1Comment#afterComment');
    // "    /* café */ int afterComment;": the name starts in column 20.
    expect(field.nameRange).toEqual([5, 20, 5, 32]);
    expect(symbolOf(facts, 'org.example.latin1.Latin1Comment#plain').range[0]).toBe(7);
    expect(facts.syntaxProblems).toEqual([]);
  });

  it('reads UTF-8 as UTF-8 and drops a byte-order mark', () => {
    const utf8 = Buffer.from('\uFEFFclass Bom { String s = "é"; }\n', 'utf8');
    const decoded = decodeSource(utf8);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('class Bom')).toBe(true);
  });
});

describe('a file over 32 KiB', () => {
  it('is parsed whole: the last symbol is found at its line, after non-ASCII text', async () => {
    const methods = 3000;
    const lines = ['package org.example.big;', '', 'public class Big {'];
    for (let i = 0; i < methods; i++) {
      lines.push(i % 100 === 0 ? `    /* n° ${i}, déjà vu 😀 */ int m${i}() { return ${i}; }` : `    int m${i}() { return ${i}; }`);
    }
    lines.push('    /* the end: ü */ void last() {}', '}', '');
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(64 * 1024);

    const facts = await factsOfText(text);
    expect(facts.syntaxProblems).toEqual([]);
    expect(facts.symbols).toHaveLength(1 + 1 + methods + 1);
    const last = symbolOf(facts, 'org.example.big.Big#last()');
    const at = positionOf(text, 'last()');
    expect(last.nameRange).toEqual([at.line, at.column, at.line, at.column + 4]);
    expect(at.line).toBe(methods + 4);
    const marked = symbolOf(facts, `org.example.big.Big#m${methods - 100}()`);
    const markedAt = positionOf(text, `int m${methods - 100}()`);
    expect(text.split('\n')[markedAt.line - 1]).toContain('déjà vu 😀');
    expect(marked.nameRange.slice(0, 2)).toEqual([markedAt.line, markedAt.column + 'int '.length]);
    expect(symbolOf(facts, 'org.example.big.Big').range[2]).toBe(methods + 5);
  });
});
