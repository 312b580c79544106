import { z } from 'zod';

/** The YAML inside an ```excerpt block of a note. */
export const ExcerptSpec = z
  .strictObject({
    path: z.string().min(1).optional().describe('Upstream file, from the source top folder.'),
    symbol: z.string().min(1).optional().describe('Excerpt this declaration (its whole range, or `lines` inside it).'),
    lines: z
      .union([z.number().int().min(1), z.string().regex(/^\d+-\d+$/, 'write lines as 120-140')])
      .optional()
      .describe('Lines to show, inclusive: 120-140.'),
    caption: z.string().min(1).optional().describe('A caption in our words.'),
  })
  .refine((spec) => spec.path !== undefined || spec.symbol !== undefined, { message: 'an excerpt needs `path` (with `lines`) or `symbol`' })
  .refine((spec) => spec.symbol !== undefined || spec.lines !== undefined, { message: 'an excerpt by `path` needs `lines`' });

export type ExcerptSpec = z.infer<typeof ExcerptSpec>;

/** The YAML inside a ```layout block. */
export const LayoutSpec = z.strictObject({ name: z.string().min(1).describe('The layout file name, annotations/layouts/<name>.yaml.') });

export function linesOf(value: number | string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return [value, value];
  const [start, end] = value.split('-').map(Number);
  return [start!, end!];
}

export function rangeKey(path: string, lines: readonly [number, number]): string {
  return lines[0] === lines[1] ? `${path}#L${lines[0]}` : `${path}#L${lines[0]}-L${lines[1]}`;
}
