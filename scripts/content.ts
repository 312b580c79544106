import path from 'node:path';
import { runMain } from '../lib/cli/run';
import { SourceView } from '../lib/content/source-view';
import { requireCurrentIndex } from '../lib/index/read';
import { projectRoot } from '../lib/paths';
import { buildSite } from '../lib/site/build';
import { writeSiteData } from '../lib/site/write';

const USAGE = `usage: npm run content

Renders the notes, annotations, concepts and tours under annotations/ for the app: markdown to
sanitized HTML, every anchor resolved against the indexed source. Writes .data/site.json.
Content that does not validate is left out; \`npm run check\` says why.`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const started = performance.now();
  const site = buildSite(projectRoot(), new SourceView(requireCurrentIndex()));
  const file = writeSiteData(site);
  const c = site.counts;
  process.stdout.write(`content: ${c.notes} notes, ${c.annotations} annotations in ${c.annotatedFiles} files, ${c.concepts} concepts, ${c.tours} tours → ${path.relative(process.cwd(), file)} (${((performance.now() - started) / 1000).toFixed(2)} s)\n`);
  return 0;
});
