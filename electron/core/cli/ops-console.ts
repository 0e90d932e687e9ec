import { Command, CommanderError } from 'commander';
import { runLogin, runLogout } from './account-commands';
import { openCliContext, type CliContext } from './cli-context';
import { CliError, ExitCode } from './cli-errors';

/** Validates `--timeout` (seconds, 1 to 120). @throws CliError (exit 2). */
function timeoutFlag(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 120)
    throw new CliError(
      `--timeout must be a number of seconds from 1 to 120, got ${JSON.stringify(value)}`,
      ExitCode.USAGE,
    );
  return Math.round(seconds * 1000);
}
import { runStatus } from './status-command';
import { runTail } from './tail-command';

/** Builds the `ops-console` program; `run` returns the exit code instead of exiting. */
export function buildProgram(
  run: (work: (context: CliContext) => Promise<number>) => Promise<void>,
): Command {
  const program = new Command('ops-console')
    .description(
      'Ops Console desktop core: sign in to a hub and follow a tenant from the command line.',
    )
    .exitOverride()
    .showHelpAfterError();

  program
    .command('login')
    .description(
      'check a password with the hub and store it in the system keychain (password from stdin or a prompt)',
    )
    .requiredOption('--hub <url>', "the hub's http(s) base URL, e.g. http://127.0.0.1:8787")
    .requiredOption('--user <name>', 'username on the hub')
    .option('--display-name <name>', 'how the profile is shown')
    .action((flags: { hub: string; user: string; displayName?: string }) =>
      run((context) => runLogin(flags, context)),
    );

  program
    .command('logout')
    .description('remove a stored credential, its profile and its snapshot cache')
    .option('--hub <url>', "the hub's http(s) base URL")
    .option('--user <name>', 'username on the hub')
    .action((flags: { hub?: string; user?: string }) =>
      run((context) => runLogout(flags, context)),
    );

  program
    .command('status')
    .description(
      'open the link of each stored credential briefly and show its state: live, auth_required or unreachable (exit 1 unless all are live)',
    )
    .option('--json', 'one JSON object')
    .option('--timeout <seconds>', 'give up on a hub after this long', '8')
    .action((flags: { json?: boolean; timeout: string }) =>
      run((context) =>
        runStatus({ json: flags.json, timeoutMs: timeoutFlag(flags.timeout) }, context),
      ),
    );

  program
    .command('tail')
    .description(
      'run the link with the stored credential and print state changes, snapshots and events',
    )
    .requiredOption(
      '--hub <url>',
      "the hub's http(s) base URL; the WebSocket URL is derived from it",
    )
    .requiredOption('--tenant <id>', 'tenant to follow')
    .option('--user <name>', 'username; optional when one credential is stored for the hub')
    .option(
      '--types <patterns>',
      "comma-separated event types or families passed to the hub as a filter, e.g. 'payment.*,alert'; unknown ones are refused with the list",
    )
    .option(
      '--json',
      'one JSON object per line with a `kind` field; event lines carry the whole event (`event.data`)',
    )
    .option(
      '--password-stdin',
      'read the password from stdin for this run only (when there is no keychain)',
    )
    .action(
      (flags: {
        hub: string;
        tenant: string;
        user?: string;
        types?: string;
        json?: boolean;
        passwordStdin?: boolean;
      }) => run((context) => runTail(flags, context)),
    );

  return program;
}

/** Runs the CLI with `argv` and returns the exit code. Never throws. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.OK;
  const program = buildProgram(async (work) => {
    const context = await openCliContext();
    exitCode = await work(context);
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    }
    if (error instanceof CliError) {
      process.stderr.write(`ops-console: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `ops-console: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return ExitCode.FAILED;
  }
  return exitCode;
}
