/**
 * A small checker for the project's own JSON files (the pin, the Maven cache manifest): a shape
 * names each key's type; keys not in the shape are errors. `'string?'` marks an optional string,
 * a RegExp a string that must match it, `[item]` a list of items (`[item, 'non-empty']`: at least one).
 */
export type Shape = { [key: string]: ShapeValue };
type ShapeValue = 'string' | 'string?' | 'number' | RegExp | [ShapeValue] | [ShapeValue, 'non-empty'] | Shape;

/** Problems as `path: message`, none when the value has the shape. */
export function checkShape(value: unknown, shape: Shape, at = ''): string[] {
  if (!isRecord(value)) return [`${at || '(top)'}: expected an object`];
  const problems: string[] = [];
  for (const key of Object.keys(value)) if (!(key in shape)) problems.push(`${at}${key}: not expected here`);
  for (const [key, expected] of Object.entries(shape)) problems.push(...checkValue(value[key], expected, `${at}${key}`));
  return problems;
}

function checkValue(value: unknown, expected: ShapeValue, at: string): string[] {
  if (expected === 'string?') return value === undefined || typeof value === 'string' ? [] : [`${at}: expected a string`];
  if (value === undefined) return [`${at}: missing`];
  if (expected === 'string' || expected === 'number') return typeof value === expected ? [] : [`${at}: expected a ${expected}`];
  if (expected instanceof RegExp) return typeof value === 'string' && expected.test(value) ? [] : [`${at}: expected a string matching ${expected}`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(value)) return [`${at}: expected a list`];
    if (expected[1] === 'non-empty' && value.length === 0) return [`${at}: expected at least one item`];
    return value.flatMap((item, i) => checkValue(item, expected[0], `${at}.${i}`));
  }
  return checkShape(value, expected, `${at}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
