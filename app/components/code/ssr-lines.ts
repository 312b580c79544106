import { escapeHtml, highlightJavaLines } from '@/lib/highlight/java';

/**
 * The first paint of a file: one block element per line (numbered by CSS counters, so the numbers
 * cost no bytes), highlighted like CodeMirror will highlight it, with annotated lines marked. No
 * newlines between the blocks: inside a <pre> they would show as blank lines.
 */
export function ssrLinesHtml(text: string, language: 'java' | 'text', annotated: ReadonlySet<number>): string {
  const lines = language === 'java' ? highlightJavaLines(text) : text.split('\n').map((line) => escapeHtml(line.replace(/\r$/, '')));
  return lines.map((html, i) => `<span class="line${annotated.has(i + 1) ? ' annotated' : ''}">${html}</span>`).join('');
}
