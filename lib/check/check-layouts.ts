import { positionOf, type Path } from '../content/yaml-file';
import type { Layout } from '../content/schema';
import { report, type CheckContext } from './context';

/**
 * Each size a layout states must be the number the upstream code states, read with the
 * evidence's pattern from the evidence's lines; a fixed-size layout's total must add up.
 */
export function checkLayouts(context: CheckContext): void {
  for (const layout of context.corpus.layouts) {
    const items: Array<{ size: Layout['fields'][number]['size']; evidence: Layout['fields'][number]['evidence']; label: string; path: Path; sizePath: Path }> = layout.data.fields.map((field, i) => ({
      size: field.size,
      evidence: field.evidence,
      label: `field ${field.name}`,
      path: ['fields', i, 'evidence'],
      sizePath: ['fields', i, 'size'],
    }));
    if (layout.data.total) items.push({ size: layout.data.total.size, evidence: layout.data.total.evidence, label: 'total', path: ['total', 'evidence'], sizePath: ['total', 'size'] });
    for (const item of items) {
      if (!item.evidence) continue;
      const at = { file: layout.file, ...positionOf(layout.source, [...item.path, 'pattern']) };
      if (item.size === 'variable') {
        report(context, { ...at, message: `${item.label} has variable size, so it cannot have size evidence`, hint: 'remove the evidence, or give the size in bytes' });
        continue;
      }
      let pattern: RegExp;
      try {
        pattern = new RegExp(item.evidence.pattern);
      } catch (error) {
        report(context, { ...at, message: `invalid regular expression: ${(error as Error).message}` });
        continue;
      }
      const file = context.source.file(item.evidence.path);
      if (!file) continue; // reported with the anchors
      const symbol = item.evidence.symbol ? file.symbols.find((s) => s.id === item.evidence?.symbol) : undefined;
      const lines: [number, number] | undefined = typeof item.evidence.lines === 'number' ? [item.evidence.lines, item.evidence.lines] : (item.evidence.lines ?? (symbol ? [symbol.range[0], symbol.range[2]] : undefined));
      if (!lines) continue;
      const text = file.lines.slice(lines[0] - 1, lines[1]).join('\n');
      const match = pattern.exec(text);
      if (!match || match[1] === undefined) {
        report(context, { ...at, message: `the pattern for ${item.label} does not match lines ${lines[0]}-${lines[1]} of ${item.evidence.path}`, hint: 'the code that fixes this size changed, or the pattern needs a capture group around the number' });
        continue;
      }
      const stated = Number(match[1]);
      if (stated !== item.size) {
        report(context, { file: layout.file, ...positionOf(layout.source, item.sizePath), message: `${item.label} is ${item.size} bytes here but the code says ${stated}`, hint: `upstream ${item.evidence.path} line ${lines[0] + text.slice(0, match.index).split('\n').length - 1} fixes it; update the layout` });
      }
    }
    const total = layout.data.total;
    const sizes = layout.data.fields.map((f) => f.size);
    if (total && sizes.every((s): s is number => s !== 'variable')) {
      const sum = sizes.reduce((a, b) => a + b, 0);
      if (sum !== total.size) report(context, { file: layout.file, ...positionOf(layout.source, ['total', 'size']), message: `the fields add up to ${sum} bytes, not ${total.size}`, hint: 'a field is missing or has the wrong size' });
    }
  }
}
