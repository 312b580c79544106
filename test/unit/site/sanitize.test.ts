import type { Element, Root as HastRoot } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../lib/content/markdown/parse';
import { renderMarkdown, type MarkdownTargets } from '../../../lib/site/render-markdown';
import { diagramBlock } from '../../../lib/site/trusted-blocks';

/*
 * Author markdown and diagrams are inlined into pages. Whatever an author (or a pull request)
 * writes, nothing executable may reach the HTML: no script elements, no event-handler attributes,
 * no script-capable URLs, no frames, no style sheets.
 */
const targets: MarkdownTargets = {
  href: (url) => (url === 'note:ledger' ? '/notes/ledger' : undefined),
};

function render(markdown: string): string {
  return renderMarkdown(parseMarkdown(markdown), targets);
}

/** Everything that could run code or restyle the page, as patterns over the produced HTML. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  // As an attribute value (a URL); the same words as plain text are harmless.
  expect(html).not.toMatch(/=\s*["']?\s*(javascript|vbscript|data):/i);
  expect(html).not.toMatch(/<a\s[^>]*href="(?!https?:|mailto:|\/|#)/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<style/i);
  expect(html).not.toMatch(/<object|<embed|<foreignObject/i);
}

const HOSTILE: Record<string, string> = {
  'a script element': '<script>alert(1)</script>',
  'an image with onerror': '<img src=x onerror=alert(1)>',
  'a javascript: link': '[x](javascript:alert(1))',
  'an upper-case JAVASCRIPT: link': '[x](JAVASCRIPT:alert(1))',
  'a data: link': '[x](data:text/html,<script>alert(1)</script>)',
  'a vbscript: link': '[x](vbscript:msgbox(1))',
  'a raw HTML block with a handler': '<div onclick="alert(1)">block</div>',
  'inline HTML with a handler': 'Some <span onmouseover="alert(1)">inline</span> text.',
  'an anchor element with vbscript:': 'See <a href="vbscript:msgbox(1)">this</a>.',
  'an iframe': '<iframe src="https://example.org/"></iframe>',
  'a script inside svg': '<svg><script>alert(1)</script></svg>',
  'a style block': '<style>body { display: none }</style>',
  'an image with a javascript: source': '![picture](javascript:alert(1))',
  'a reference-style javascript: link': '[x][evil]\n\n[evil]: javascript:alert(1)',
  'an autolink with javascript:': '<javascript:alert(1)>',
  'an entity-encoded javascript: link': '[x](&#106;avascript:alert(1))',
};

describe('renderMarkdown sanitizing', () => {
  it.each(Object.entries(HOSTILE))('renders %s inert', (_name, markdown) => {
    const html = render(`Before.\n\n${markdown}\n\nAfter.`);
    expectInert(html);
    // The document around the hostile part is still rendered.
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
  });

  it('renders all of them together inert', () => {
    expectInert(render(Object.values(HOSTILE).join('\n\n')));
  });

  it('leaves a javascript: autolink as text, not a link', () => {
    const html = render('<javascript:alert(1)>');
    expect(html).toBe('<p>javascript:alert(1)</p>');
  });

  it('keeps the text of a dropped link, and keeps allowed links', () => {
    const html = render('[click me](javascript:alert(1)) and [a note](note:ledger) and [a site](https://example.org/)');
    expect(html).toContain('click me');
    expect(html).not.toContain('<a href="javascript');
    expect(html).toContain('<a href="/notes/ledger">a note</a>');
    expect(html).toMatch(/<a href="https:\/\/example\.org\/"[^>]*>a site<\/a>/);
  });

  it('gives headings their section ids', () => {
    expect(render('## The write path')).toContain('<h2 id="the-write-path">The write path</h2>');
  });
});

const HOSTILE_SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" width="100" height="40" onload="alert(1)">',
  '  <script>alert(2)</script>',
  '  <style>rect { fill: red }</style>',
  '  <foreignObject width="10" height="10"><div>html inside</div></foreignObject>',
  '  <a href="javascript:alert(3)"><rect x="1" y="1" width="20" height="20" onclick="alert(4)"/></a>',
  '  <use href="javascript:alert(5)"/>',
  '  <text x="30" y="20" fill="currentColor">kept</text>',
  '</svg>',
].join('\n');

function html(element: Element): string {
  const root: HastRoot = { type: 'root', children: [element] };
  return unified().use(rehypeStringify).stringify(root);
}

describe('diagramBlock sanitizing', () => {
  const block = diagramBlock(HOSTILE_SVG, 'A square next to the word kept');
  const out = html(block);

  it('drops scripts, handlers, foreignObject, style and javascript: references', () => {
    expectInert(out);
    expect(out).not.toContain('html inside');
    expect(out).not.toContain('alert');
  });

  it('keeps the drawing and labels it for screen readers', () => {
    expect(out).toMatch(/<svg[^>]*\srole="img"/);
    expect(out).toMatch(/<svg[^>]*\saria-label="A square next to the word kept"/);
    expect(out).toMatch(/<rect[^>]*\swidth="20"/);
    expect(out).toContain('>kept</text>');
    // Sized by the page, not by the file.
    expect(out).not.toMatch(/<svg[^>]*\swidth=/);
    // The text alternative is also written out for everyone.
    expect(out).toContain('<p>A square next to the word kept</p>');
  });

  it('stays inert when it reaches a page through a note', () => {
    const page = renderMarkdown(parseMarkdown('![A square next to the word kept](diagram:square)'), {
      href: () => undefined,
      diagram: (name, alt) => (name === 'square' ? diagramBlock(HOSTILE_SVG, alt) : undefined),
    });
    expectInert(page);
    expect(page).toMatch(/<figure class="diagram"><svg[^>]*role="img"/);
  });
});
