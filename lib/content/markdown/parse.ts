import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** Markdown as the project writes it: GitHub-flavoured, with an optional YAML frontmatter. */
export function parseMarkdown(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
}
