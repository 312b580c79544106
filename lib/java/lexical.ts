/*
 * Just enough of Java's lexical grammar to find braces that are code: comments, string, character
 * and text-block literals are stepped over. Every function returns -1 when the text is not what a
 * compiler would accept there (an unclosed literal or comment), so callers can give up safely.
 */

const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** When a comment or literal starts at `i`, the index just after it; `i` itself when none starts there. */
export function skipCommentOrLiteral(text: string, i: number): number {
  const ch = text.charCodeAt(i);
  if (ch === SLASH) {
    const next = text.charCodeAt(i + 1);
    if (next === SLASH) {
      const end = text.indexOf('\n', i + 2);
      return end < 0 ? text.length : end + 1;
    }
    if (next === STAR) {
      const end = text.indexOf('*/', i + 2);
      return end < 0 ? -1 : end + 2;
    }
    return i;
  }
  if (ch === QUOTE) {
    if (text.charCodeAt(i + 1) === QUOTE && text.charCodeAt(i + 2) === QUOTE) return skipTextBlock(text, i + 3);
    return skipQuoted(text, i + 1, QUOTE);
  }
  if (ch === APOSTROPHE) return skipQuoted(text, i + 1, APOSTROPHE);
  return i;
}

/** The characters matchingBrace stops at; everything else is passed over by the regex engine. */
const BRACE_OR_LITERAL = /[{}/"']/g;

/** From an opening brace, the index of the brace that closes it; -1 when it is never closed. */
export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  BRACE_OR_LITERAL.lastIndex = open;
  for (let match = BRACE_OR_LITERAL.exec(text); match; match = BRACE_OR_LITERAL.exec(text)) {
    const i = match.index;
    const ch = text.charCodeAt(i);
    if (ch === OPEN_BRACE) {
      depth++;
    } else if (ch === CLOSE_BRACE) {
      if (--depth === 0) return i;
    } else {
      const after = skipCommentOrLiteral(text, i);
      if (after < 0) return -1;
      BRACE_OR_LITERAL.lastIndex = after === i ? i + 1 : after;
    }
  }
  return -1;
}

function skipQuoted(text: string, from: number, quote: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === BACKSLASH) i++;
    else if (ch === quote) return i + 1;
    else if (ch === NEWLINE) return -1;
  }
  return -1;
}

function skipTextBlock(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === BACKSLASH) i++;
    else if (ch === QUOTE && text.charCodeAt(i + 1) === QUOTE && text.charCodeAt(i + 2) === QUOTE) return i + 3;
  }
  return -1;
}

/** Java's white space: space, tab, form feed and the line ends. */
export function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09 || ch === 0x0c;
}

/** Letters, `_`, `$` and, leniently, every non-ASCII character (Java allows most of them). */
export function isIdentifierStart(ch: number): boolean {
  return (ch >= 0x61 && ch <= 0x7a) || (ch >= 0x41 && ch <= 0x5a) || ch === 0x5f || ch === 0x24 || ch >= 0x80;
}

export function isIdentifierPart(ch: number): boolean {
  return isIdentifierStart(ch) || (ch >= 0x30 && ch <= 0x39);
}
