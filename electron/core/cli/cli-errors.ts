import { CodedError } from '../../../protocol/codes';

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

/**
 * A failure the CLI reports as one line on stderr. Its kind is always `cli_failed`;
 * `exitCode` is not a second kind but what the process exits with (see `ExitCode`).
 */
export class CliError extends CodedError {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super('cli_failed', message);
  }
}
