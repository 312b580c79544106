import path from 'node:path';
import { parseArgs } from '../lib/cli/args';
import { UserError } from '../lib/cli/errors';
import { runMain } from '../lib/cli/run';
import { ingest } from '../lib/ingest';
import { ParsePool } from '../lib/ingest/3.parse-java';
import { locateUpstream } from '../lib/upstream';

const USAGE = `usage: npm run ingest -- [--threads <n>] [--no-xrefs] [--quiet] [--json]

Obtains the pinned RocketMQ source (see npm run upstream -- --help), parses every Java file with
tree-sitter and writes the symbol index to .data/index/<commit>/. Unchanged files are reused, so a
second run takes a fraction of a second.

  --threads <n>  parsing threads (default: one per core)
  --no-xrefs     symbols only, no cross-references (faster; go-to-definition needs them).
                 Method bodies that declare no class are not parsed then, so syntax errors
                 inside them are not reported
  --quiet        no progress bar
  --json         the summary as one JSON line on stdout (for scripts and the benchmarks)`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(process.argv.slice(2), { values: ['--threads'], switches: ['--quiet', '--no-xrefs', '--json'] }, USAGE);
  const threadsText = args.values.get('--threads');
  const threads = threadsText === undefined ? undefined : Number(threadsText);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) {
    throw new UserError(`--threads must be a positive whole number, not ${threadsText}`, { exitCode: 2 });
  }
  // The parsing threads start now and load the parser while the source is located.
  const pool = ParsePool.create(threads);
  let source;
  try {
    source = await locateUpstream();
  } catch (error) {
    await (await pool).close();
    throw error;
  }
  const result = await ingest(source, { makeCurrent: true, progress: !args.switches.has('--quiet'), threads, xrefs: !args.switches.has('--no-xrefs'), pool });
  if (args.switches.has('--json')) {
    const { filesWithSyntaxErrors, ...summary } = result;
    const report = { ...summary, filesWithSyntaxErrors: filesWithSyntaxErrors.map((file) => file.path), maxRssKiB: process.resourceUsage().maxRSS };
    process.stdout.write(JSON.stringify(report) + '\n');
    return 0;
  }
  for (const file of result.filesWithSyntaxErrors) {
    const first = file.problems[0]!;
    const more = file.problems.length > 1 ? ` (and ${file.problems.length - 1} more)` : '';
    process.stderr.write(`${file.path}:${first.line}:${first.column}: syntax error: ${first.message}${more}; indexed what parsed\n`);
  }
  const errors = result.filesWithSyntaxErrors.length;
  const work = result.unchanged ? 'nothing changed' : `parsed ${result.parsed}, reused ${result.reused}`;
  const xrefs = result.xrefs ? `, ${result.xrefs.resolved + result.xrefs.locals} references resolved${result.unchanged ? '' : ` (${result.xrefs.seconds.toFixed(2)} s of it)`}` : '';
  process.stdout.write(
    `ingest: ${result.files} files (${result.javaFiles} Java), ${result.symbols} symbols, ` +
      `${errors} ${errors === 1 ? 'file' : 'files'} with parse errors${xrefs}, ${result.seconds.toFixed(2)} s ` +
      `[${work}] → ${path.relative(process.cwd(), result.dir)}\n`,
  );
  return 0;
});
