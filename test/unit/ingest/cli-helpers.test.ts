import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../lib/cli/args';
import { UserError, describeUserError } from '../../../lib/cli/errors';
import { createProgress } from '../../../lib/cli/progress';

/** A stand-in for process.stderr that records what is written. */
function fakeStream(isTTY: boolean, columns = 60) {
  const writes: string[] = [];
  const stream = { isTTY, columns, write: (chunk: string) => writes.push(chunk) > 0 };
  return { writes, stream: stream as unknown as NodeJS.WriteStream };
}

describe('createProgress on a stream that is not a terminal', () => {
  it('prints one line at the start and at each tenth of the way', () => {
    const { writes, stream } = fakeStream(false);
    const progress = createProgress('parsing', 100, stream);
    for (let done = 1; done <= 100; done++) progress.tick(done);
    progress.done();
    expect(writes).toEqual(['parsing 1/100\n', ...Array.from({ length: 10 }, (_, i) => `parsing ${(i + 1) * 10}/100\n`)]);
  });

  it('prints a line once per tenth even when ticks jump, and adds the detail', () => {
    const { writes, stream } = fakeStream(false);
    const progress = createProgress('reading', 7, stream);
    for (const done of [3, 3, 4, 7]) progress.tick(done, 'x.java');
    expect(writes).toEqual(['reading 3/7 x.java\n', 'reading 4/7 x.java\n', 'reading 7/7 x.java\n']);
  });

  it('prints nothing when there is nothing to do', () => {
    const { writes, stream } = fakeStream(false);
    const progress = createProgress('parsing', 0, stream);
    progress.tick(0);
    progress.done();
    expect(writes).toEqual([]);
  });
});

describe('createProgress on a terminal', () => {
  it('redraws one line in place, always draws the end, and clears it when done', () => {
    const { writes, stream } = fakeStream(true, 60);
    const progress = createProgress('parsing', 4, stream);
    progress.tick(4);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.startsWith('\rparsing ')).toBe(true);
    expect(writes[0]).toContain('4/4');
    expect(writes[0]).not.toContain('\n');
    expect(writes[0]!.length).toBe(1 + 59);
    progress.done();
    expect(writes[1]).toBe('\r' + ' '.repeat(59) + '\r');
  });
});

describe('parseArgs', () => {
  const spec = { values: ['--version', '--route'], switches: ['--json'] } as const;

  it('reads values (separate or after =), switches and positionals', () => {
    const args = parseArgs(['--version', '5.3.2', '--route=maven', '--json', 'extra'], spec, 'usage: x');
    expect(args.values).toEqual(new Map([['--version', '5.3.2'], ['--route', 'maven']]));
    expect([...args.switches]).toEqual(['--json']);
    expect(args.positionals).toEqual(['extra']);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['--version'], '--version needs a value'],
    [['--version', '--json'], '--version needs a value'],
    [['--json=yes'], '--json takes no value'],
  ])('rejects %j with a usage error (exit code 2)', (argv, message) => {
    let caught: unknown;
    try {
      parseArgs(argv, spec, 'usage: x [--json]');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    const error = caught as UserError;
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(2);
    expect(error.hint).toBe('usage: x [--json]');
    expect(describeUserError(error)).toBe(`error: ${message}\n  hint: usage: x [--json]`);
  });
});
