import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { highlightJavaLines } from '../highlight/java';
import type { SourceView } from '../content/source-view';
import { urls } from './urls';

/** hast helpers for the nodes the site builds itself (after author markdown is sanitized). */
export function h(tagName: string, properties: Element['properties'], children: Array<ElementContent | string> = []): Element {
  return { type: 'element', tagName, properties, children: children.map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)) };
}

/**
 * HTML the site produced itself (highlighted code, markdown it already sanitized), as hast nodes.
 * It is parsed rather than inserted as a raw string, which the serializer would escape.
 */
export function htmlFragment(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children as ElementContent[];
}

/** Upstream lines, highlighted, with line numbers and a link into the code view. */
export function excerptBlock(source: SourceView, path: string, lines: [number, number], caption: string | undefined, symbolLabel?: string): Element | undefined {
  const file = source.file(path);
  if (!file) return undefined;
  const highlighted = highlightedLines(source, path);
  const rows = [];
  for (let line = lines[0]; line <= lines[1]; line++) rows.push(`<span class="ln" aria-hidden="true">${line}</span>${highlighted[line - 1] ?? ''}`);
  const label = `${path.split('/').pop()}${lines[0] === lines[1] ? `:${lines[0]}` : `:${lines[0]}-${lines[1]}`}`;
  return h('figure', { className: ['excerpt'] }, [
    h('figcaption', {}, [
      h('a', { href: urls.code(path, lines), className: ['excerpt-link'], title: `${path}, lines ${lines[0]}-${lines[1]} at the pinned commit` }, [symbolLabel ?? label]),
      ...(caption ? [h('span', { className: ['excerpt-caption'] }, [caption])] : []),
    ]),
    h('pre', { className: ['code-block'] }, [h('code', {}, htmlFragment(rows.join('\n')))]),
  ]);
}

const highlightCache = new WeakMap<SourceView, Map<string, string[]>>();

function highlightedLines(source: SourceView, path: string): string[] {
  let cache = highlightCache.get(source);
  if (!cache) {
    cache = new Map();
    highlightCache.set(source, cache);
  }
  let lines = cache.get(path);
  if (!lines) {
    lines = highlightJavaLines(source.file(path)!.lines.join('\n'));
    cache.set(path, lines);
  }
  return lines;
}

const SVG_ELEMENTS = ['svg', 'g', 'defs', 'marker', 'title', 'desc', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'text', 'tspan', 'use', 'symbol'];
const SVG_ATTRIBUTES = [
  'viewBox', 'width', 'height', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points', 'transform', 'fill', 'fillOpacity', 'stroke',
  'strokeWidth', 'strokeDasharray', 'strokeLinecap', 'strokeLinejoin', 'opacity', 'fontSize', 'fontFamily', 'fontWeight', 'fontStyle', 'textAnchor', 'dominantBaseline',
  'markerEnd', 'markerStart', 'markerWidth', 'markerHeight', 'refX', 'refY', 'orient', 'markerUnits', 'preserveAspectRatio', 'className', 'id', 'dx', 'dy', 'letterSpacing', 'role', 'ariaLabel', 'ariaHidden',
];
const svgSchema: Schema = {
  tagNames: SVG_ELEMENTS,
  attributes: { '*': SVG_ATTRIBUTES },
  clobber: [],
  protocols: {},
  strip: ['script', 'foreignObject', 'style'],
};

/** An SVG diagram, sanitized with an SVG allow-list and inlined so it follows the page's colours. */
export function diagramBlock(svgText: string, alt: string): Element {
  const tree = fromHtml(svgText, { fragment: true, space: 'svg' });
  const clean = sanitize(tree, svgSchema);
  const children = 'children' in clean ? clean.children : [];
  const svg = children.find((node): node is Element => node.type === 'element' && node.tagName === 'svg');
  if (svg) {
    svg.properties = { ...svg.properties, role: 'img', ariaLabel: alt };
    delete svg.properties.width;
    delete svg.properties.height;
  }
  return h('figure', { className: ['diagram'] }, [
    ...(svg ? [svg] : []),
    h('details', { className: ['diagram-text'] }, [h('summary', {}, ['Text description']), h('p', {}, [alt])]),
  ]);
}
