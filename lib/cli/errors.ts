/**
 * An error the user can act on. Scripts print its message (and hint) without a stack trace and
 * exit with its code; anything else that escapes is a bug and keeps its stack.
 */
export class UserError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }
}

export function describeUserError(error: UserError): string {
  return error.hint ? `error: ${error.message}\n  hint: ${error.hint}` : `error: ${error.message}`;
}
