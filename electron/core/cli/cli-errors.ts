/** Exit codes of `ops-console`. */
export const ExitCode = {
  OK: 0,
  /** The operation failed (hub unreachable, keychain error). */
  FAILED: 1,
  /** Bad flags or arguments. */
  USAGE: 2,
  /** The hub refused the credential, or none is stored: run `ops-console login`. */
  AUTH: 3,
} as const;

/** A failure the CLI reports as one line on stderr with a chosen exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
