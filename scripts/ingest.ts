import path from 'node:path';
import { parseArgs } from '../lib/cli/args';
import { UserError } from '../lib/cli/errors';
import { runMain } from '../lib/cli/run';
import { ingest } from '../lib/ingest';
import { locateUpstream } from '../lib/upstream';

const USAGE = `usage: npm run ingest -- [--threads <n>] [--quiet]

Obtains the pinned RocketMQ source (see npm run upstream -- --help), parses every Java file with
tree-sitter and writes the symbol index to .data/index/<commit>/. Unchanged files are reused, so a
second run takes a fraction of a second.

  --threads <n>  parsing threads (default: one per core)
  --no-xrefs     symbols only, no cross-references (faster; go-to-definition needs them)
  --quiet        no progress bar`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(process.argv.slice(2), { values: ['--threads'], switches: ['--quiet', '--no-xrefs'] }, USAGE);
  const threadsText = args.values.get('--threads');
  const threads = threadsText === undefined ? undefined : Number(threadsText);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) {
    throw new UserError(`--threads must be a positive whole number, not ${threadsText}`, { exitCode: 2 });
  }
  const source = await locateUpstream();
  const result = await ingest(source, { makeCurrent: true, progress: !args.switches.has('--quiet'), threads, xrefs: !args.switches.has('--no-xrefs') });
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
