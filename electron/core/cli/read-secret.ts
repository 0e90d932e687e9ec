import { PasswordInputError, readPassword } from '../../../node-shared/password-prompt';
import { CliError, ExitCode } from './cli-errors';

/**
 * Reads the password with the shared prompt (first stdin line, or a no-echo prompt
 * on a TTY; see `readPassword`) and turns "no password" into a usage error.
 * @throws CliError (exit 2) with `missing` as its message when input ended or the
 *   password is empty; PasswordInputError `cancelled` on Ctrl-C (exit 1).
 */
export async function readSecret(prompt: string, missing: string): Promise<string> {
  try {
    return await readPassword(prompt);
  } catch (error) {
    if (
      error instanceof PasswordInputError &&
      (error.code === 'no_input' || error.code === 'empty')
    )
      throw new CliError(missing, ExitCode.USAGE);
    throw error;
  }
}
