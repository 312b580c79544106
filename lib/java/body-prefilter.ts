import { skipCommentOrLiteral } from './lexical';

/**
 * Decides from text alone whether a method body, initializer or field value could declare a type:
 * a local class (`class Name`, `record Name`, ...) or an anonymous class (`new T(…) {`). A "yes"
 * that turns out wrong only costs a search; a "no" must never be wrong, so anything the scanner
 * does not understand counts as "yes".
 */
// Java names may start with any letter, currency sign or connector, not only ASCII ones.
const LOCAL_TYPE = /(?<![\w$.@])(?:class|interface|enum|record)\s+[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u;
const TYPE_CHAR = /[\w$.@\s,?&\p{L}\p{N}\p{M}\p{Sc}\p{Pc}\uD800-\uDFFF]/u;
const NEW = /(?<![\w$])new(?![\w$])/g;

export function mayDeclareType(text: string): boolean {
  if (LOCAL_TYPE.test(text)) return true;
  NEW.lastIndex = 0;
  for (let match = NEW.exec(text); match; match = NEW.exec(text)) {
    if (createsAnonymousClass(text, match.index + 3)) return true;
  }
  return false;
}

/** No anonymous class follows this `new`. */
export const NO_CLASS_BODY = -1;
/** The text after this `new` could not be read; there may be a class body. */
export const MAYBE_CLASS_BODY = -2;

/** Reads `T<…>(…)` after `new` and reports whether a class body `{` follows the arguments. */
function createsAnonymousClass(text: string, from: number): boolean {
  return anonymousClassBody(text, from) !== NO_CLASS_BODY;
}

/**
 * For the text after a `new` (from just past the keyword): the index of the `{` that opens an
 * anonymous class body, NO_CLASS_BODY, or MAYBE_CLASS_BODY when the text is not understood.
 */
export function anonymousClassBody(text: string, from: number): number {
  let i = skipTrivia(text, from);
  // The type: names, dots, annotations and generic arguments, up to the argument list.
  let angle = 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '<') angle++;
    else if (ch === '>') angle--;
    else if (ch === '(' && angle === 0) break;
    else if (ch === '[' && angle === 0) return NO_CLASS_BODY; // array creation
    else if (ch === '@' && angle === 0) return MAYBE_CLASS_BODY; // a type annotation, whose arguments could pass for the constructor's
    else if (ch === '/' && (text[i + 1] === '*' || text[i + 1] === '/')) i = skipTrivia(text, i) - 1;
    else if (!isTypeChar(ch)) return angle > 0 ? MAYBE_CLASS_BODY : NO_CLASS_BODY;
  }
  if (i >= text.length) return NO_CLASS_BODY;
  const afterArguments = skipBalanced(text, i);
  if (afterArguments < 0) return MAYBE_CLASS_BODY;
  const next = skipTrivia(text, afterArguments);
  return text[next] === '{' ? next : NO_CLASS_BODY;
}

/** From an opening parenthesis, the index after its match; -1 when it cannot tell. */
function skipBalanced(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (ch === '"' || ch === "'") {
      const end = skipCommentOrLiteral(text, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (ch === '/' && (text[i + 1] === '*' || text[i + 1] === '/')) {
      i = skipTrivia(text, i) - 1;
    }
  }
  return -1;
}

/** Skips whitespace and comments. */
function skipTrivia(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      return i;
    }
  }
}

/** What `\s` matches, by code: ASCII whitespace first, the rest through the regex engine. */
function isWhitespace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code > 0x7f && /\s/.test(String.fromCharCode(code));
}

/** TYPE_CHAR for one character, answering the ASCII ones without the regex engine. */
function isTypeChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code > 0x7f) return TYPE_CHAR.test(ch);
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f || // _
    code === 0x24 || // $
    code === 0x2e || // .
    code === 0x40 || // @
    code === 0x2c || // ,
    code === 0x3f || // ?
    code === 0x26 || // &
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d)
  );
}
