import { UserError } from '../lib/cli/errors';
import { explorerBench } from './explorer';
import { ingestBench } from './ingest';
import { searchBench } from './search';

/**
 * One line of benchmark output. Every figure is printed as a JSON line on stdout; a figure that
 * cannot be measured here carries `skipped` (the reason) instead of a value.
 */
export type Figure =
  | { bench: string; figure: string; value: number; unit: string }
  | { bench: string; figure: string; skipped: string };

export interface BenchContext {
  /** Prints a measured figure. */
  emit(figure: string, value: number, unit: string): void;
  /** Prints a figure that could not be measured, and why. */
  skip(figure: string, reason: string): void;
  /** Progress and diagnostics, on stderr (stdout is kept for figures). */
  log(line: string): void;
}

export interface BenchModule {
  name: string;
  description: string;
  run(context: BenchContext): Promise<void>;
}

/** The benchmarks, run in this order. Add a module here to add a benchmark. */
export const BENCHES: readonly BenchModule[] = [ingestBench, explorerBench, searchBench];

/** Runs the named benchmarks (all when `only` is empty) and returns how many figures were printed. */
export async function runBenches(only: readonly string[], write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Promise<number> {
  const unknown = only.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    throw new UserError(`unknown benchmark ${unknown.join(', ')}`, { hint: `one of: ${BENCHES.map((b) => b.name).join(', ')}`, exitCode: 2 });
  }
  let printed = 0;
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    const print = (figure: Figure) => {
      printed++;
      write(JSON.stringify(figure));
    };
    process.stderr.write(`bench: ${bench.name}: ${bench.description}\n`);
    await bench.run({
      emit: (figure, value, unit) => print({ bench: bench.name, figure, value: round(value), unit }),
      skip: (figure, reason) => print({ bench: bench.name, figure, skipped: reason }),
      log: (line) => process.stderr.write(`bench: ${bench.name}: ${line}\n`),
    });
  }
  return printed;
}

/** Three significant decimals are plenty for timings and ratios and keep the lines readable. */
function round(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toFixed(3));
}
