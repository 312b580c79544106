import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import type { Code, Heading, Image, Link, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { HeadingIds } from '../content/markdown/headings';
import { classifyUrl } from '../content/markdown/references';

/** What links and blocks resolve to; anything unresolved is rendered as plain text. */
export interface MarkdownTargets {
  /** URL of a site page for a reference link (symbol:, code:, note:, concept:, anchor:). */
  href(url: string): string | undefined;
  /** Trusted nodes for an ```excerpt or ```layout block, built by the site from validated data. */
  block?(kind: 'excerpt' | 'layout', spec: string, position: { line: number; column: number }): ElementContent | undefined;
  /** Trusted nodes for a diagram image. */
  diagram?(name: string, alt: string): ElementContent | undefined;
}

/**
 * Author markdown may only produce markdown: raw HTML is dropped by remark-rehype, and the result
 * is sanitized with GitHub's allow-list (no scripts, no event handlers, no javascript: URLs). The
 * only additions are heading ids and a slot element that the site fills after sanitizing with
 * nodes it builds itself (excerpts, layouts, diagrams).
 */
const schema: Schema = {
  ...defaultSchema,
  clobber: [],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className'],
    h1: ['id'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    div: [...(defaultSchema.attributes?.div ?? []), 'dataSlot'],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
};

export function renderMarkdown(tree: Root, targets: MarkdownTargets): string {
  const slots: ElementContent[] = [];
  const ids = new HeadingIds();
  const slot = (content: ElementContent | undefined): Element | undefined => {
    if (!content) return undefined;
    slots.push(content);
    return { type: 'element', tagName: 'div', properties: { dataSlot: String(slots.length - 1) }, children: [] };
  };
  const handlers: RemarkRehypeOptions['handlers'] = {
    heading(state, node: Heading) {
      const element: Element = { type: 'element', tagName: `h${node.depth}`, properties: { id: ids.next(toString(node)) }, children: state.all(node) };
      state.patch(node, element);
      return state.applyData(node, element);
    },
    link(state, node: Link) {
      const kind = classifyUrl(node.url).kind;
      const href = kind === 'external' ? node.url : kind === 'invalid' ? undefined : targets.href(node.url);
      if (!href) return state.all(node);
      const element: Element = { type: 'element', tagName: 'a', properties: { href, ...(kind === 'external' && /^https?:/.test(node.url) ? { rel: ['noopener'] } : {}) }, children: state.all(node) };
      state.patch(node, element);
      return state.applyData(node, element);
    },
    paragraph(state, node: Paragraph) {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (only?.type === 'image' && only.url.startsWith('diagram:')) return handlers!.image!(state, only, node);
      const element: Element = { type: 'element', tagName: 'p', properties: {}, children: state.all(node) };
      state.patch(node, element);
      return state.applyData(node, element);
    },
    image(_state, node: Image) {
      const name = node.url.startsWith('diagram:') ? node.url.slice('diagram:'.length) : undefined;
      return (name && slot(targets.diagram?.(name, node.alt ?? ''))) || { type: 'text', value: node.alt ?? '' };
    },
    code(state, node: Code) {
      if (node.lang === 'excerpt' || node.lang === 'layout') {
        const position = { line: (node.position?.start.line ?? 0) + 1, column: node.position?.start.column ?? 1 };
        return slot(targets.block?.(node.lang, node.value, position)) ?? { type: 'element', tagName: 'p', properties: {}, children: [] };
      }
      const element: Element = {
        type: 'element',
        tagName: 'pre',
        properties: {},
        children: [{ type: 'element', tagName: 'code', properties: node.lang ? { className: [`language-${node.lang}`] } : {}, children: [{ type: 'text', value: node.value }] }],
      };
      state.patch(node, element);
      return element;
    },
  };
  const processor = unified()
    .use(remarkRehype, { handlers })
    .use(rehypeSanitize, schema)
    .use(() => (hast: HastRoot) => fillSlots(hast, slots))
    .use(rehypeStringify);
  const hast = processor.runSync(structuredClone(tree)) as HastRoot;
  return processor.stringify(hast);
}

function fillSlots(tree: HastRoot, slots: ElementContent[]): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const slotIndex = node.tagName === 'div' ? node.properties?.dataSlot : undefined;
    if (slotIndex === undefined || !parent || index === undefined) return;
    const content = slots[Number(slotIndex)];
    if (content) (parent.children as HastContent[])[index] = content;
  });
}
