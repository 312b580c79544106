import type { Code, Heading, Image, Link, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { HeadingIds } from './headings';

/** Where a reference sits in its markdown, 1-based. */
export interface MarkdownPosition {
  line: number;
  column: number;
}

export type MarkdownRef = MarkdownPosition & { section: string | null } & (
    | { kind: 'symbol'; id: string }
    | { kind: 'code'; path: string; lines?: [number, number] }
    | { kind: 'note'; slug: string; fragment?: string }
    | { kind: 'concept'; slug: string }
    | { kind: 'anchor'; id: string }
    | { kind: 'excerpt'; spec: string; specLine: number; specColumn: number }
    | { kind: 'layout'; spec: string; specLine: number; specColumn: number }
    | { kind: 'diagram'; name: string; alt: string }
    | { kind: 'external'; url: string }
    | { kind: 'invalid'; url: string; reason: string }
  );

export interface Section {
  id: string;
  title: string;
  depth: number;
  line: number;
}

export interface MarkdownOutline {
  sections: Section[];
  refs: MarkdownRef[];
}

const CODE_URL = /^code:([^#\s]+)(?:#L(\d+)(?:-L(\d+))?)?$/;

/** Collects the sections and every reference of a markdown tree, in document order. */
export function outlineOf(tree: Root): MarkdownOutline {
  const ids = new HeadingIds();
  const sections: Section[] = [];
  const refs: MarkdownRef[] = [];
  let section: string | null = null;
  const visit = (node: Root | RootContent) => {
    const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    switch (node.type) {
      case 'heading': {
        const title = toString(node as Heading);
        const id = ids.next(title);
        section = id;
        sections.push({ id, title, depth: (node as Heading).depth, line: at.line });
        break;
      }
      case 'link':
        refs.push({ ...at, section, ...classifyUrl((node as Link).url) });
        break;
      case 'image': {
        const image = node as Image;
        if (image.url.startsWith('diagram:')) refs.push({ ...at, section, kind: 'diagram', name: image.url.slice('diagram:'.length), alt: image.alt ?? '' });
        else refs.push({ ...at, section, kind: 'invalid', url: image.url, reason: 'images must be diagrams: ![text alternative](diagram:<name>)' });
        break;
      }
      case 'code': {
        const code = node as Code;
        if (code.lang === 'excerpt' || code.lang === 'layout') {
          const specLine = at.line + 1;
          const specColumn = at.column;
          refs.push({ ...at, section, kind: code.lang, spec: code.value, specLine, specColumn });
        }
        break;
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return { sections, refs };
}

export function classifyUrl(url: string): { kind: 'symbol'; id: string } | { kind: 'code'; path: string; lines?: [number, number] } | { kind: 'note'; slug: string; fragment?: string } | { kind: 'concept'; slug: string } | { kind: 'anchor'; id: string } | { kind: 'external'; url: string } | { kind: 'invalid'; url: string; reason: string } {
  const scheme = /^([a-z]+):/i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'symbol':
      return { kind: 'symbol', id: url.slice('symbol:'.length) };
    case 'code': {
      const match = CODE_URL.exec(url);
      if (!match) return { kind: 'invalid', url, reason: 'write code:<path>, code:<path>#L120 or code:<path>#L120-L140' };
      const start = match[2] ? Number(match[2]) : undefined;
      const end = match[3] ? Number(match[3]) : start;
      return start !== undefined && end !== undefined ? { kind: 'code', path: match[1]!, lines: [start, end] } : { kind: 'code', path: match[1]! };
    }
    case 'note': {
      const [slug = '', fragment] = url.slice('note:'.length).split('#');
      return fragment ? { kind: 'note', slug, fragment } : { kind: 'note', slug };
    }
    case 'concept':
      return { kind: 'concept', slug: url.slice('concept:'.length) };
    case 'anchor':
      return { kind: 'anchor', id: url.slice('anchor:'.length) };
    case 'http':
    case 'https':
    case 'mailto':
      return { kind: 'external', url };
    case undefined:
      return url.startsWith('#') ? { kind: 'external', url } : { kind: 'invalid', url, reason: 'relative links break when pages move; use note:, code:, symbol:, concept: or anchor:' };
    default:
      return { kind: 'invalid', url, reason: `links with the scheme '${scheme}:' are not allowed` };
  }
}
