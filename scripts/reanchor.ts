import fs from 'node:fs';
import path from 'node:path';
import type { AnchorState } from '../lib/anchors/resolve';
import { parseArgs } from '../lib/cli/args';
import { UserError } from '../lib/cli/errors';
import { runMain } from '../lib/cli/run';
import { SourceView } from '../lib/content/source-view';
import { readIndex, requireCurrentIndex } from '../lib/index/read';
import { ingest } from '../lib/ingest';
import { projectRoot } from '../lib/paths';
import { reanchor } from '../lib/reanchor';
import { loadPin, locateCommit, locateUpstream, type UpstreamSource } from '../lib/upstream';

const USAGE = `usage: npm run reanchor -- --to <release|commit|folder> [--dry-run] [--accept] [--json]

Re-resolves every anchor (annotations, tour steps, layout evidence, line ranges in notes) against
another version of the RocketMQ source and reports each one as exact, moved, changed or orphaned.
Moved anchors are rewritten in place (lines, symbol ids, note links); comments and formatting are
kept. Changed and orphaned anchors are listed for a person to rewrite.

  --to <x>     a release (5.3.2 or rocketmq-all-5.3.2), a commit in upstream/'s history, or a folder
  --dry-run    report only, write nothing
  --accept     exit 0 even when anchors changed or were orphaned
  --json       print the report as JSON on stdout

Exit codes: 0 all anchors exact or moved (or --accept), 1 some changed or orphaned, 2 bad usage.`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(process.argv.slice(2), { values: ['--to'], switches: ['--dry-run', '--accept', '--json'] }, USAGE);
  const to = args.values.get('--to');
  if (!to) throw new UserError('say where to re-anchor to with --to', { hint: USAGE, exitCode: 2 });

  const current = new SourceView(requireCurrentIndex());
  const targetSource = await obtain(to);
  const indexed = await ingest(targetSource, { makeCurrent: false, progress: !args.switches.has('--json') });
  const targetIndex = readIndex(indexed.stamp);
  if (!targetIndex) throw new Error(`index ${indexed.stamp} unreadable right after ingest`);
  const report = reanchor(projectRoot(), current, new SourceView(targetIndex), { write: !args.switches.has('--dry-run') });

  if (args.switches.has('--json')) {
    process.stdout.write(JSON.stringify({ to: targetSource.tag, commit: targetSource.commit, ...report }, null, 2) + '\n');
  } else {
    const order: AnchorState[] = ['moved', 'changed', 'orphaned'];
    for (const state of order) {
      const entries = report.entries.filter((e) => e.state === state);
      if (entries.length === 0) continue;
      process.stdout.write(`\n${state} (${entries.length}):\n`);
      for (const entry of entries) process.stdout.write(`  ${entry.file}:${entry.line}:${entry.column}: ${entry.label}: ${entry.detail}\n`);
    }
    for (const missing of report.missingSymbols) process.stdout.write(`  ${missing.file}: symbol link ${missing.id} has no symbol in the target\n`);
    const c = report.counts;
    const written = args.switches.has('--dry-run') ? 'dry run, nothing written' : `${report.filesWritten.length} file${report.filesWritten.length === 1 ? '' : 's'} rewritten`;
    process.stdout.write(`\nreanchor to ${targetSource.tag}: ${c.exact} exact, ${c.moved} moved, ${c.changed} changed, ${c.orphaned} orphaned, ${report.missingSymbols.length} missing symbol links; ${written}\n`);
  }
  const needsPerson = report.counts.changed + report.counts.orphaned + report.missingSymbols.length > 0;
  return needsPerson && !args.switches.has('--accept') ? 1 : 0;
});

async function obtain(to: string): Promise<UpstreamSource> {
  const pin = loadPin();
  const folder = path.resolve(to);
  if (fs.existsSync(folder) && fs.statSync(folder).isDirectory()) {
    return { root: folder, route: 'env', tag: path.basename(folder), version: path.basename(folder), commit: null, description: folder };
  }
  if (/^[0-9a-f]{7,40}$/.test(to)) return locateCommit(to);
  if (to === pin.tag || to === pin.version) return locateUpstream();
  return locateUpstream({ release: to });
}
