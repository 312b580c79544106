import type { z } from 'zod';
import type { Problem } from './problems';

/**
 * The `key: value` lines inside an ```excerpt or ```layout block. Deliberately not YAML: a caption
 * is the rest of its line, colons and backticks included, so authors need no quoting.
 */
export interface BlockSpec<T> {
  value?: T;
  problems: Problem[];
  /** Where each key's value starts in the note (1-based), and its length, for messages and in-place edits. */
  positions: Map<string, { line: number; column: number; length: number }>;
}

export function parseBlockSpec<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  at: { line: number; column: number },
  hint: string,
): BlockSpec<z.infer<S>> {
  const problems: Problem[] = [];
  const positions: BlockSpec<unknown>['positions'] = new Map();
  const raw: Record<string, string | number> = {};
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const match = /^(\s*)([A-Za-z]+)\s*:\s?(.*)$/.exec(line);
    const position = { line: at.line + i, column: at.column };
    if (!match) {
      problems.push({ file, ...position, message: `cannot read '${line.trim()}'`, hint });
      return;
    }
    const [, indent = '', key = '', rest = ''] = match;
    const value = rest.trim();
    const valueStart = line.indexOf(value, indent.length + key.length + 1);
    positions.set(key, { line: at.line + i, column: at.column + valueStart, length: value.length });
    if (key in raw) problems.push({ file, ...position, message: `'${key}' is given twice`, hint });
    raw[key] = key === 'lines' && /^\d+$/.test(value) ? Number(value) : value;
  });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
      const where = (key && positions.get(key)) || { line: at.line, column: at.column };
      const message = issue.code === 'unrecognized_keys' ? `unknown key '${key}'` : `${key ? `${key}: ` : ''}${issue.message}`;
      problems.push({ file, line: where.line, column: where.column, message, hint });
    }
    return { problems, positions };
  }
  return { value: parsed.data, problems, positions };
}
