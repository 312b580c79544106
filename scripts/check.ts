import { parseArgs } from '../lib/cli/args';
import { runMain } from '../lib/cli/run';
import { runCheck } from '../lib/check';
import { formatProblem } from '../lib/content/problems';
import { requireCurrentIndex } from '../lib/index/read';
import { projectRoot } from '../lib/paths';

const USAGE = `usage: npm run check -- [--content <folder>]

Validates every annotation, design note, concept, tour, layout and diagram under annotations/:
schemas, unique ids, references, and that every anchor points exactly at the lines it describes in
the pinned upstream source. Problems are printed as path:line:col: message, each with a hint.
Exits with 1 when there is any problem. Run \`npm run ingest\` first (npm test does).

  --content <folder>  check another content folder (relative to the project), e.g. for fixtures`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const started = performance.now();
  const args = parseArgs(process.argv.slice(2), { values: ['--content'] }, USAGE);
  const index = requireCurrentIndex();
  const result = runCheck(projectRoot(), index, args.values.get('--content') ?? 'annotations');
  for (const problem of result.problems) process.stdout.write(formatProblem(problem) + '\n');
  const c = result.counts;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const verdict = result.problems.length === 0 ? 'no problems' : `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`;
  process.stdout.write(
    `check: ${c.annotations} annotations in ${c.annotationFiles} files, ${c.notes} notes, ${c.concepts} concepts, ${c.tours} tours, ${c.layouts} layouts, ${c.diagrams} diagrams, ${c.anchors} anchors at ${index.manifest.tag}: ${verdict} (${seconds} s)\n`,
  );
  return result.problems.length === 0 ? 0 : 1;
});
