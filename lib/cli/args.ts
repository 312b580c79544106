import { UserError } from './errors';

export interface ArgSpec {
  /** Flags that take a value, e.g. `--version 5.3.2`. */
  values?: readonly string[];
  /** Flags that are on or off, e.g. `--accept`. */
  switches?: readonly string[];
}

export interface ParsedArgs {
  values: Map<string, string>;
  switches: Set<string>;
  positionals: string[];
}

/** A small, strict argument parser: unknown flags are errors that name the flag and the usage. */
export function parseArgs(argv: readonly string[], spec: ArgSpec, usage: string): ParsedArgs {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = splitInline(arg);
    if (spec.switches?.includes(flag)) {
      if (inline !== undefined) throw new UserError(`${flag} takes no value`, { hint: usage, exitCode: 2 });
      switches.add(flag);
    } else if (spec.values?.includes(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) {
        throw new UserError(`${flag} needs a value`, { hint: usage, exitCode: 2 });
      }
      values.set(flag, value);
    } else {
      throw new UserError(`unknown option ${flag}`, { hint: usage, exitCode: 2 });
    }
  }
  return { values, switches, positionals };
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}
