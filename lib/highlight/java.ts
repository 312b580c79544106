import { highlightCode, tagHighlighter, tags as t } from '@lezer/highlight';
import { parser } from '@lezer/java';

/**
 * The token classes of the code view: few and short, since a large file's highlighted HTML is
 * sent with the page. The server-rendered first paint and CodeMirror both use this highlighter
 * with the same grammar, so the two look the same.
 */
export const javaHighlighter = tagHighlighter([
  { tag: [t.keyword, t.modifier, t.bool, t.null, t.self, t.operatorKeyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], class: 'k' },
  { tag: [t.string, t.character, t.special(t.string)], class: 's' },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], class: 'c' },
  { tag: [t.number, t.integer, t.float], class: 'n' },
  { tag: [t.typeName, t.className, t.standard(t.typeName)], class: 't' },
  { tag: [t.definition(t.variableName), t.function(t.definition(t.variableName)), t.definition(t.propertyName)], class: 'd' },
  { tag: [t.annotation, t.meta], class: 'a' },
]);

/** Java as HTML, one string per line. */
export function highlightJavaLines(text: string): string[] {
  const tree = parser.parse(text);
  const lines: string[] = [];
  let current = '';
  highlightCode(
    text,
    tree,
    javaHighlighter,
    (code, classes) => {
      const escaped = escapeHtml(code.replace(/\r$/, ''));
      current += classes ? `<span class="${classes}">${escaped}</span>` : escaped;
    },
    () => {
      lines.push(current);
      current = '';
    },
  );
  lines.push(current);
  return lines;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}
