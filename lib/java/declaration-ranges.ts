import type { Range as ParserRange } from 'web-tree-sitter';
import { MAYBE_CLASS_BODY, NO_CLASS_BODY, anonymousClassBody, mayDeclareType } from './body-prefilter';
import { plainImport } from './imports';
import { isIdentifierPart, isIdentifierStart, isSpace, matchingBrace, skipCommentOrLiteral } from './lexical';
import type { JavaImport } from './types';

/*
 * The symbol index needs declarations, and a method body declares one only in the rare case of a
 * local or anonymous class. Yet bodies are more than half of RocketMQ's text and most of the
 * parser's work. So, when only symbols are wanted, tree-sitter is given "included ranges" that
 * leave out the inside of every method, constructor and initializer body that cannot declare a
 * type: it parses `void put(...) { }` with the braces kept where they are, so every position it
 * reports is still a position in the whole text. Comment insides and plain imports (read here)
 * are left out the same way.
 *
 * A scan at the level of type bodies classifies each `{` by what came before it since the
 * previous member: a type keyword opens a type body, an `=` an initializer expression, a `)` (or a
 * `throws` list) a method or constructor body, nothing or `static` an initializer block. Anything
 * else, and anything inside parentheses, is parsed as usual. A body that may declare a class (by
 * the prefilter, whose "no" is never wrong) is read statement by statement: its anonymous and
 * local class bodies are scanned like type bodies, and its other blocks are left out in turn when
 * they cannot declare one. The scan gives up (null: parse everything) on text it cannot follow,
 * and the caller parses everything again when the reduced parse reports a syntax error.
 */

const enum Last {
  Other,
  CloseParen,
  /** Inside `throws A, b.B`: a `{` after it opens a method body. */
  Throws,
}

const enum Declares {
  Nothing,
  Type,
  Enum,
}

/** The tokens of the current member of a type body, since the last `;`, `{` or `}` at its level. */
interface Segment {
  tokens: number;
  onlyStatic: boolean;
  declares: Declares;
  assigns: boolean;
  paren: number;
  last: Last;
  afterDot: boolean;
}

/** A type body or, inside a body that may declare a class, a block of statements. */
interface Level {
  statements: boolean;
  /** In an enum body before its first `;`, where a `{` opens an enum constant's class body. */
  enumConstants: boolean;
  /** The member or statement this level interrupted, resumed when it closes. */
  outer: Segment | null;
  /** For a member body read statement by statement: where to go back to if it cannot be followed. */
  body: { skippedAt: number; close: number } | null;
}

function typeLevel(enumConstants: boolean, outer: Segment | null): Level {
  return { statements: false, enumConstants, outer, body: null };
}

export interface DeclarationRanges {
  /** What to parse. */
  ranges: ParserRange[];
  /** The plain imports, read here and left out of the parse (they are a quarter of what remains). */
  imports: JavaImport[];
}

/** The ranges to parse when only declarations are wanted; null when nothing can be left out. */
export function declarationRanges(text: string): DeclarationRanges | null {
  const skippable = skippableText(text);
  return skippable && skippable.skipped.length > 0 ? { ranges: rangesAround(text, skippable.skipped), imports: skippable.imports } : null;
}

/**
 * The text that can be left out of the parse, in order, as `[from, to)` spans: the insides of
 * bodies that declare no type and of comments outside them, and plain import statements (which
 * it reads). Null when the scan cannot follow the text.
 */
export function skippableText(text: string): { skipped: Array<readonly [number, number]>; imports: JavaImport[] } | null {
  return new DeclarationScanner(text).scan();
}

/*
 * The scan is split into small methods on purpose: each is optimized on its own and quickly, where
 * one large loop was compiled again every time a new kind of text reached it.
 */
class DeclarationScanner {
  private readonly skipped: Array<readonly [number, number]> = [];
  private readonly imports: JavaImport[] = [];
  private readonly lines: { lineAt(index: number): number };
  private readonly levels: Level[] = [typeLevel(false, null)];
  private readonly segment: Segment = freshSegment();
  /** Where the anonymous class bodies of the `new` expressions read so far open. */
  private readonly anonymousBodies = new Set<number>();
  private i = 0;

  constructor(private readonly text: string) {
    this.lines = lineCounter(text);
  }

  scan(): { skipped: Array<readonly [number, number]>; imports: JavaImport[] } | null {
    const text = this.text;
    const n = text.length;
    while (this.i < n) {
      const ch = text.charCodeAt(this.i);
      const ok =
        isSpace(ch)
          ? this.advance()
          : ch === 0x2f || ch === 0x22 || ch === 0x27
            ? this.commentOrLiteral(ch)
            : isIdentifierStart(ch)
              ? this.word()
              : ch >= 0x30 && ch <= 0x39
                ? this.number()
                : this.punctuation(ch);
      if (!ok) return null;
    }
    return this.levels.length === 1 ? { skipped: this.skipped, imports: this.imports } : null;
  }

  private advance(): boolean {
    this.i++;
    return true;
  }

  private commentOrLiteral(ch: number): boolean {
    const after = skipCommentOrLiteral(this.text, this.i);
    if (after < 0) return false;
    if (after === this.i) return this.punctuation(ch);
    if (ch === 0x2f) skipComment(this.text, this.i, after, this.skipped);
    else other(this.segment);
    this.i = after;
    return true;
  }

  private word(): boolean {
    const text = this.text;
    let end = this.i + 1;
    while (end < text.length && isIdentifierPart(text.charCodeAt(end))) end++;
    const word = text.slice(this.i, end);
    if (word === 'import' && this.levels.length === 1 && this.segment.tokens === 0 && this.plainImport()) return true;
    readWord(text, word, end, this.segment);
    this.i = end;
    if (word === 'new' && this.top().statements) {
      const brace = anonymousClassBody(text, end);
      if (brace === MAYBE_CLASS_BODY) return this.keepWholeBody();
      if (brace !== NO_CLASS_BODY) this.anonymousBodies.add(brace);
    }
    return true;
  }

  private top(): Level {
    return this.levels[this.levels.length - 1]!;
  }

  /** Enters a level; the segment starts afresh (the level keeps the one it interrupts, if any). */
  private enter(level: Level): void {
    this.levels.push(level);
    resetSegment(this.segment);
  }

  /**
   * A body whose text this scan cannot follow is parsed whole after all: what was left out inside
   * it is put back, and the scan goes on after it.
   */
  private keepWholeBody(): boolean {
    let index = this.levels.length - 1;
    while (index > 0 && !this.levels[index]!.body) index--;
    const body = this.levels[index]!.body;
    if (!body) return false;
    this.skipped.length = body.skippedAt;
    this.levels.length = index;
    resetSegment(this.segment);
    this.i = body.close + 1;
    return true;
  }

  /** An import statement with nothing but names in it is read here and left out of the parse. */
  private plainImport(): boolean {
    const semicolon = this.text.indexOf(';', this.i);
    const read = semicolon < 0 ? null : plainImport(this.text.slice(this.i, semicolon + 1), this.lines.lineAt(this.i));
    if (!read) return false;
    this.imports.push(read);
    this.skipped.push([this.i, semicolon + 1]);
    this.i = semicolon + 1;
    return true;
  }

  /** A number: digits, letters, underscores and dots, none of which matter here. */
  private number(): boolean {
    const text = this.text;
    let i = this.i;
    while (i < text.length && (isIdentifierPart(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2e)) i++;
    this.i = i;
    other(this.segment);
    return true;
  }

  private punctuation(ch: number): boolean {
    const segment = this.segment;
    switch (ch) {
      case 0x28: // (
        segment.paren++;
        other(segment);
        break;
      case 0x29: // )
        segment.paren--;
        other(segment);
        segment.last = Last.CloseParen;
        break;
      case 0x2e: // .
      case 0x2c: // ,
        segment.tokens++;
        segment.onlyStatic = false;
        if (segment.last !== Last.Throws) segment.last = Last.Other;
        segment.afterDot = ch === 0x2e;
        break;
      case 0x3d: // =
        if (segment.paren === 0) segment.assigns = true;
        other(segment);
        break;
      case 0x3b: // ;
        if (segment.paren === 0) {
          resetSegment(segment);
          this.levels[this.levels.length - 1]!.enumConstants = false;
        } else {
          other(segment);
        }
        break;
      case 0x7b: // {
        return this.openBrace();
      case 0x7d: {
        // }
        if (this.levels.length === 1) return false;
        const closed = this.levels.pop()!;
        if (closed.outer) Object.assign(segment, closed.outer);
        else resetSegment(segment);
        break;
      }
      default:
        other(segment);
    }
    this.i++;
    return true;
  }

  /**
   * A `{` in a type body opens a nested type body (scanned on), a member body (left out when it
   * cannot declare a class, else read statement by statement), or anything else (kept whole).
   */
  private openBrace(): boolean {
    if (this.top().statements) return this.openBraceInStatements();
    const segment = this.segment;
    if (segment.paren === 0 && (segment.declares !== Declares.Nothing || this.top().enumConstants)) {
      this.enter(typeLevel(segment.declares === Declares.Enum, null));
      this.i++;
      return true;
    }
    const open = this.i;
    const close = matchingBrace(this.text, open);
    if (close < 0) return false;
    const body =
      segment.paren === 0 &&
      !segment.assigns &&
      (segment.last === Last.CloseParen || segment.last === Last.Throws || segment.tokens === 0 || segment.onlyStatic);
    if (!body) {
      other(segment);
      this.i = close + 1;
    } else if (!mayDeclareType(this.text.slice(open, close + 1))) {
      if (close > open + 1) this.skipped.push([open + 1, close]);
      resetSegment(segment);
      this.i = close + 1;
    } else {
      this.enter({ statements: true, enumConstants: false, outer: null, body: { skippedAt: this.skipped.length, close } });
      this.i = open + 1;
    }
    return true;
  }

  /**
   * Among statements a `{` opens an anonymous or local class body (scanned as a type body), or a
   * block, lambda body or array initializer: left out when it cannot declare a class, else read on.
   */
  private openBraceInStatements(): boolean {
    const segment = this.segment;
    const open = this.i;
    const outer = { ...segment };
    if (this.anonymousBodies.delete(open)) {
      // The expression around the class body goes on after it.
      this.enter(typeLevel(false, outer));
      this.i = open + 1;
      return true;
    }
    if (segment.paren === 0 && segment.declares !== Declares.Nothing) {
      // A local class, enum, interface or record: its declaration ends with its body.
      this.enter(typeLevel(segment.declares === Declares.Enum, null));
      this.i = open + 1;
      return true;
    }
    const close = matchingBrace(this.text, open);
    if (close < 0) return false;
    if (mayDeclareType(this.text.slice(open, close + 1))) {
      this.enter({ statements: true, enumConstants: false, outer, body: null });
      this.i = open + 1;
      return true;
    }
    if (close > open + 1) this.skipped.push([open + 1, close]);
    other(segment);
    this.i = close + 1;
    return true;
  }
}

/** 1-based line numbers of indexes asked for in increasing order. */
function lineCounter(text: string): { lineAt(index: number): number } {
  let line = 1;
  let counted = 0;
  return {
    lineAt(index) {
      for (let nl = text.indexOf('\n', counted); nl >= 0 && nl < index; nl = text.indexOf('\n', nl + 1)) line++;
      counted = Math.max(counted, index);
      return line;
    },
  };
}

/**
 * A comment is lexed as one token however long it is, but lexing still reads every character;
 * only its delimiters are kept (`/*` `*\/`, or `//` and the line end), so the node keeps its range.
 */
function skipComment(text: string, start: number, after: number, skipped: Array<readonly [number, number]>): void {
  const line = text.charCodeAt(start + 1) === 0x2f;
  const end = line ? (text.charCodeAt(after - 1) === 0x0a ? after - 1 : after) : after - 2;
  if (end > start + 2) skipped.push([start + 2, end]);
}

function freshSegment(): Segment {
  return { tokens: 0, onlyStatic: true, declares: Declares.Nothing, assigns: false, paren: 0, last: Last.Other, afterDot: false };
}

function resetSegment(segment: Segment): void {
  segment.tokens = 0;
  segment.onlyStatic = true;
  segment.declares = Declares.Nothing;
  segment.assigns = false;
  segment.paren = 0;
  segment.last = Last.Other;
  segment.afterDot = false;
}

function other(segment: Segment): void {
  segment.tokens++;
  segment.onlyStatic = false;
  segment.last = Last.Other;
  segment.afterDot = false;
}

function readWord(text: string, word: string, end: number, segment: Segment): void {
  const declaring = segment.paren === 0 && !segment.afterDot;
  const isStatic = word === 'static';
  segment.tokens++;
  if (!isStatic) segment.onlyStatic = false;
  segment.afterDot = false;
  if (declaring && (word === 'class' || word === 'interface')) segment.declares = Declares.Type;
  else if (declaring && word === 'enum') segment.declares = Declares.Enum;
  else if (declaring && word === 'record' && startsRecordHeader(text, end)) segment.declares = Declares.Type;
  if (declaring && word === 'throws') segment.last = Last.Throws;
  else if (segment.last !== Last.Throws) segment.last = Last.Other;
}

/** `record` is a declaration only when a name and then `(` or `<` follow it. */
function startsRecordHeader(text: string, from: number): boolean {
  let i = skipSpace(text, from);
  if (!isIdentifierStart(text.charCodeAt(i))) return false;
  while (i < text.length && isIdentifierPart(text.charCodeAt(i))) i++;
  const next = text.charCodeAt(skipSpace(text, i));
  return next === 0x28 || next === 0x3c;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  for (;;) {
    const ch = text.charCodeAt(i);
    if (isSpace(ch)) i++;
    else if (ch === 0x2f) {
      const after = skipCommentOrLiteral(text, i);
      if (after <= i) return i;
      i = after;
    } else return i;
  }
}

/** Included ranges around the skipped interiors, with rows and columns as tree-sitter counts them. */
function rangesAround(text: string, skipped: ReadonlyArray<readonly [number, number]>): ParserRange[] {
  let row = 0;
  let lineStart = 0;
  let scanned = 0;
  const pointAt = (index: number) => {
    for (let nl = text.indexOf('\n', scanned); nl >= 0 && nl < index; nl = text.indexOf('\n', nl + 1)) {
      row++;
      lineStart = nl + 1;
    }
    scanned = Math.max(scanned, index);
    return { row, column: index - lineStart };
  };
  const ranges: ParserRange[] = [];
  let from = 0;
  let fromPoint = pointAt(0);
  for (const [start, end] of skipped) {
    ranges.push({ startIndex: from, endIndex: start, startPosition: fromPoint, endPosition: pointAt(start) });
    from = end;
    fromPoint = pointAt(end);
  }
  ranges.push({ startIndex: from, endIndex: text.length, startPosition: fromPoint, endPosition: pointAt(text.length) });
  return ranges;
}
