import fs from 'node:fs';
import { parseArgs } from '../lib/cli/args';
import { runMain } from '../lib/cli/run';
import { runTool } from '../lib/cli/spawn';
import { projectRoot } from '../lib/paths';
import { buildStamp, buildStampFile, isBuildCurrent, prepare } from '../lib/prepare';

const USAGE = `usage: npm start [-- --prepare-only]

Everything a fresh clone needs, then the explorer on http://localhost:3000 (PORT overrides):
obtain the pinned source, index it, render the content, build the app when something changed,
and serve it with next start.

  --prepare-only  stop after the build (used by the tests and the benchmarks)`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(process.argv.slice(2), { switches: ['--prepare-only'] }, USAGE);
  const root = projectRoot();
  const log = (line: string) => process.stderr.write(line + '\n');
  const prepared = await prepare(root, log);
  const stamp = buildStamp(root, prepared.stamp);
  if (isBuildCurrent(root, stamp)) {
    log('build: up to date');
  } else {
    await runTool('next', ['build'], root);
    fs.writeFileSync(buildStampFile(root), stamp);
  }
  if (args.switches.has('--prepare-only')) return 0;
  const port = process.env.PORT ?? '3000';
  log(`serving http://localhost:${port}`);
  await runTool('next', ['start', '--port', port], root);
  return 0;
});
