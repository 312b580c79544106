import { UserError, describeUserError } from './errors';

/**
 * Runs a script's main function: user errors become one clear message and an exit code,
 * unexpected errors keep their stack so they can be reported.
 */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = typeof code === 'number' ? code : 0;
    },
    (error: unknown) => {
      if (error instanceof UserError) {
        process.stderr.write(describeUserError(error) + '\n');
        process.exitCode = error.exitCode;
        return;
      }
      process.stderr.write('internal error (please report it):\n');
      process.stderr.write((error instanceof Error ? error.stack ?? error.message : String(error)) + '\n');
      process.exitCode = 70;
    },
  );
}
