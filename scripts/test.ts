import fs from 'node:fs';
import { parseArgs } from '../lib/cli/args';
import { UserError } from '../lib/cli/errors';
import { runMain } from '../lib/cli/run';
import { runTool } from '../lib/cli/spawn';
import { projectRoot } from '../lib/paths';
import { buildStamp, buildStampFile, isBuildCurrent, prepare } from '../lib/prepare';

const STAGES = ['prepare', 'lockfile', 'schema', 'check', 'typecheck', 'lint', 'unit', 'build', 'browser'] as const;
type Stage = (typeof STAGES)[number];

const USAGE = `usage: npm test [-- --only <stages>] [--skip <stages>]

Runs every check the project has, in this order, and prints a summary:
  prepare    obtain the pinned RocketMQ source, index it, render the content
  lockfile   package-lock.json has every platform's optional packages (npm ci needs them)
  schema     the editor JSON Schemas in schema/ match lib/content/schema.ts
  check      every annotation, note, concept, tour and layout is valid and anchored exactly
  typecheck  tsc --noEmit (strict)
  lint       eslint with zero warnings
  unit       vitest: unit tests and integration tests over the real source
  build      next build (skipped when nothing changed since the last build)
  browser    playwright-core with Debian's Chromium against next start

  --only <a,b>  run only these stages (prepare always runs first unless skipped)
  --skip <a,b>  skip these stages`;

runMain(async () => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const args = parseArgs(process.argv.slice(2), { values: ['--only', '--skip'] }, USAGE);
  const pick = (flag: string) => (args.values.get(flag)?.split(',').map((s) => s.trim()).filter(Boolean) ?? []) as Stage[];
  const only = pick('--only');
  const skip = pick('--skip');
  for (const stage of [...only, ...skip]) if (!STAGES.includes(stage)) throw new UserError(`unknown stage ${stage}`, { hint: USAGE, exitCode: 2 });
  const selected = STAGES.filter((stage) => (only.length === 0 || only.includes(stage) || (stage === 'prepare' && !skip.includes('prepare'))) && !skip.includes(stage));

  const root = projectRoot();
  const log = (line: string) => process.stderr.write(line + '\n');
  let indexStamp: string | null = null;
  const run: Record<Stage, () => Promise<void>> = {
    prepare: async () => {
      indexStamp = (await prepare(root, log)).stamp;
    },
    lockfile: () => runTool('node', ['scripts/launch.mjs', 'lockfile', '--check'], root),
    schema: () => runTool('node', ['scripts/launch.mjs', 'schema', '--check'], root),
    check: () => runTool('node', ['scripts/launch.mjs', 'check'], root),
    typecheck: () => runTool('tsc', ['--noEmit', '-p', '.'], root),
    lint: () => runTool('eslint', ['--max-warnings', '0', '.'], root),
    unit: () => runTool('vitest', ['run'], root),
    build: async () => {
      if (!indexStamp) indexStamp = (await prepare(root, log)).stamp;
      const stamp = buildStamp(root, indexStamp);
      if (isBuildCurrent(root, stamp)) {
        log('build: up to date');
        return;
      }
      await runTool('next', ['build'], root);
      fs.writeFileSync(buildStampFile(root), stamp);
    },
    browser: () => runTool('vitest', ['run', '--config', 'vitest.browser.config.ts'], root),
  };

  const results: Array<{ stage: Stage; ok: boolean; seconds: number; error?: string }> = [];
  for (const stage of selected) {
    log(`\n── ${stage} ${'─'.repeat(Math.max(0, 60 - stage.length))}`);
    const started = performance.now();
    try {
      await run[stage]();
      results.push({ stage, ok: true, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      results.push({ stage, ok: false, seconds: (performance.now() - started) / 1000, error: error instanceof Error ? error.message : String(error) });
      if (stage === 'prepare') break;
    }
  }
  log('\n── summary ' + '─'.repeat(52));
  for (const r of results) log(`${r.ok ? 'pass' : 'FAIL'}  ${r.stage.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s${r.error ? `  ${r.error}` : ''}`);
  const failed = results.filter((r) => !r.ok).length;
  log(failed === 0 ? `\nall ${results.length} stages passed` : `\n${failed} of ${results.length} stages failed`);
  return failed === 0 ? 0 : 1;
});
