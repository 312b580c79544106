import type { Element } from 'hast';
import type { Layout } from '../content/schema';
import type { SourceView } from '../content/source-view';
import { h, htmlFragment } from './trusted-blocks';
import { urls } from './urls';

/**
 * A byte layout as a picture (a strip of fields, widths by size, hidden from screen readers) and
 * as a table of offset, field, size, meaning and the code that fixes the size (read by everyone).
 */
export function layoutBlock(layout: Layout, source: SourceView, renderInline: (markdown: string) => string): Element {
  let offset: number | null = 0;
  const rows: Element[] = [];
  const cells: Element[] = [];
  for (const field of layout.fields) {
    const size = field.size === 'variable' ? 'variable' : `${field.size}`;
    const evidence = field.evidence;
    const evidenceLines = evidence ? (typeof evidence.lines === 'number' ? ([evidence.lines, evidence.lines] as [number, number]) : evidence.lines) : undefined;
    const evidenceCell = evidence && source.has(evidence.path)
      ? h('a', { href: urls.code(evidence.path, evidenceLines) }, [`${evidence.path.split('/').pop()}${evidenceLines ? `:${evidenceLines[0]}` : ''}`])
      : '';
    rows.push(
      h('tr', {}, [
        h('td', { className: ['num'] }, [offset === null ? '…' : String(offset)]),
        h('th', { scope: 'row' }, [h('code', {}, [field.name])]),
        h('td', { className: ['num'] }, [size]),
        h('td', {}, htmlFragment(renderInline(field.meaning))),
        h('td', {}, [evidenceCell]),
      ]),
    );
    const weight = field.size === 'variable' ? 6 : Math.max(1, Math.min(field.size, 8));
    cells.push(h('span', { className: ['layout-cell', field.size === 'variable' ? 'variable' : 'fixed'], style: `flex-grow:${weight}` }, [h('span', { className: ['layout-name'] }, [field.name]), h('span', { className: ['layout-size'] }, [field.size === 'variable' ? 'var' : `${field.size} B`])]));
    offset = offset === null || field.size === 'variable' ? null : offset + field.size;
  }
  return h('figure', { className: ['layout'] }, [
    h('div', { className: ['layout-strip'], ariaHidden: 'true' }, cells),
    h('table', {}, [
      h('caption', {}, [layout.title, ...(layout.total ? [` (${layout.total.size} bytes)`] : [])]),
      h('thead', {}, [h('tr', {}, [h('th', { scope: 'col' }, ['Offset']), h('th', { scope: 'col' }, ['Field']), h('th', { scope: 'col' }, ['Bytes']), h('th', { scope: 'col' }, ['Meaning']), h('th', { scope: 'col' }, ['Fixed by'])])]),
      h('tbody', {}, rows),
    ]),
    h('div', { className: ['layout-summary'] }, htmlFragment(renderInline(layout.summary))),
  ]);
}
