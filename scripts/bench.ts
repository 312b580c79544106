import { parseArgs } from '../lib/cli/args';
import { UserError } from '../lib/cli/errors';
import { runMain } from '../lib/cli/run';
import { BENCHES, runBenches } from '../bench/run';

const USAGE = `usage: npm run bench -- [--only <name>[,<name>...]]

Runs the benchmarks in order and prints one JSON line per figure on stdout, e.g.
  {"bench":"ingest","figure":"cold_seconds","value":1.87,"unit":"s"}
A figure that cannot be measured on this machine has "skipped": "<reason>" instead of a value.
Progress goes to stderr.

  --only <names>  run only these benchmarks: ${BENCHES.map((b) => b.name).join(', ')}`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(process.argv.slice(2), { values: ['--only'] }, USAGE);
  if (args.positionals.length > 0) throw new UserError(`unexpected argument ${args.positionals[0]}`, { hint: USAGE, exitCode: 2 });
  const only = (args.values.get('--only') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const printed = await runBenches(only);
  return printed > 0 ? 0 : 1;
});
