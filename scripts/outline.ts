import { parseArgs } from '../lib/cli/args';
import { UserError } from '../lib/cli/errors';
import { runMain } from '../lib/cli/run';
import { requireCurrentIndex } from '../lib/index/read';

const USAGE = `usage: npm run outline -- <upstream path> [--kind <kind>]

Prints the symbols of one Java file from the index: start and end line, kind and symbol id,
indented by nesting. Use the ids in annotations (symbol:) and notes (symbol:<id> links).

  --kind <kind>  only symbols of this kind (class, method, field, constructor, ...)`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(process.argv.slice(2), { values: ['--kind'] }, USAGE);
  const target = args.positionals[0];
  if (!target || args.positionals.length > 1) throw new UserError('name one upstream file', { hint: USAGE, exitCode: 2 });
  const index = requireCurrentIndex();
  const file = index.files.find((f) => f.path === target);
  if (!file) {
    const base = target.split('/').pop() ?? target;
    const similar = index.files.filter((f) => f.path.endsWith('/' + base)).map((f) => f.path);
    throw new UserError(`${target} is not in the source index`, {
      hint: similar.length ? `did you mean ${similar.slice(0, 3).join(' or ')}?` : 'paths start at the source top folder, e.g. store/src/main/java/...',
    });
  }
  const facts = index.java[file.sha1];
  if (!facts) throw new UserError(`${target} is not a Java file`);
  const depth = new Map<string, number>();
  const kind = args.values.get('--kind');
  for (const symbol of facts.symbols) {
    const level = symbol.parent ? (depth.get(symbol.parent) ?? -1) + 1 : 0;
    depth.set(symbol.id, level);
    if (kind && symbol.kind !== kind) continue;
    const [start, , end] = symbol.range;
    process.stdout.write(`${String(start).padStart(5)}-${String(end).padEnd(5)} ${symbol.kind.padEnd(12)} ${'  '.repeat(Math.max(level, 0))}${symbol.id}\n`);
  }
  return 0;
});
