import { fingerprintTokens } from '../anchors/fingerprint';
import { resolveAnchor } from '../anchors/resolve';
import type { CorpusAnchor } from '../content/anchors';
import { closest } from '../content/problems';
import { positionOf } from '../content/yaml-file';
import { report, type CheckContext } from './context';
import { checkCodePath } from './markdown-refs';

const FIX = 'if you set these lines on purpose, run `npm run annotate -- fix` to record them';

/** Every anchor must resolve exactly against the pinned source, with a current fingerprint. */
export function checkAnchors(context: CheckContext, anchors: readonly CorpusAnchor[]): void {
  for (const item of anchors) {
    const at = { file: item.file, line: item.line, column: item.column };
    const fieldAt = (key: string) => (item.home.kind === 'yaml' ? { file: item.file, ...positionOf(item.home.source, [...item.home.path, key]) } : at);
    const { symbol, lines, fingerprint } = item.anchor;
    if (!checkCodePath(context, fieldAt('path'), item.upstreamPath, lines, fieldAt('lines'))) continue;
    const file = context.source.file(item.upstreamPath)!;
    if (!symbol && !lines) {
      report(context, { ...at, message: `${item.label} has neither symbol nor lines`, hint: 'anchor it with `symbol:` (from npm run outline), `lines:`, or both' });
      continue;
    }
    const found = symbol ? file.symbols.find((s) => s.id === symbol) : undefined;
    if (symbol && !found) {
      const guess = closest(symbol, file.symbols.map((s) => s.id));
      report(context, { ...fieldAt('symbol'), message: `symbol '${symbol}' not found in ${item.upstreamPath}`, hint: guess ? `did you mean '${guess}'?` : 'copy ids from `npm run outline -- <path>`' });
      continue;
    }
    if (found && lines && (lines[0] < found.range[0] || lines[1] > found.range[2])) {
      report(context, { ...fieldAt('lines'), message: `lines ${lines[0]}-${lines[1]} are not inside ${symbol} (lines ${found.range[0]}-${found.range[2]})`, hint: 'fix the lines or the symbol' });
      continue;
    }
    if (!fingerprint) {
      report(context, { ...(item.home.kind === 'yaml' ? fieldAt(lines ? 'lines' : 'symbol') : at), message: `${item.label} has no fingerprint yet`, hint: 'run `npm run annotate -- fix`' });
      continue;
    }
    if (lines && fingerprintTokens(fingerprint).length !== lines[1] - lines[0] + 1) {
      report(context, { ...fieldAt('fingerprint'), message: `the fingerprint covers ${fingerprintTokens(fingerprint).length} lines but the anchor has ${lines[1] - lines[0] + 1}`, hint: FIX });
      continue;
    }
    const resolution = resolveAnchor(item.anchor, file, context.source.hashes(item.upstreamPath) ?? undefined);
    if (resolution.state !== 'exact') {
      report(context, { ...at, message: `${item.label} is ${resolution.state} at ${context.source.index.manifest.tag}: ${resolution.detail}`, hint: `${FIX}; if upstream moved, run \`npm run reanchor\`` });
    }
  }
}
