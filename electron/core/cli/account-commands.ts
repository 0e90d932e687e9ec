import { ConsoleSession } from '../console-session';
import { hubFlag, profileTokens, resolveUser, type CliContext } from './cli-context';
import { CliError, ExitCode } from './cli-errors';
import { readSecret } from './read-secret';

/** How to get a working keychain on this platform, for the `login` refusal. */
export function keychainFixHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin')
    return 'To fix it: unlock the login keychain (Keychain Access, or `security unlock-keychain`) and run login again.';
  if (platform === 'win32')
    return 'To fix it: make sure the Credential Manager service (VaultSvc) is running and you are signed in to Windows, then run login again.';
  return [
    'To fix it (Linux): the keychain is a Secret Service on the D-Bus session bus.',
    '  - Debian/Ubuntu: sudo apt-get install gnome-keyring libsecret-1-0 dbus-user-session',
    '  - over SSH or in a container there is no D-Bus session: start one with',
    `    dbus-run-session -- bash -c 'printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets; ops-console login …'`,
    '  - on a desktop whose keyring is locked: unlock it (Passwords and Keys / seahorse) and run login again.',
  ].join('\n');
}

/**
 * `ops-console login`: exchanges the password for tokens and stores the refresh
 * token (never the password) in the keychain; later commands renew with it.
 */
export async function runLogin(
  flags: { hub: string; user: string; displayName?: string },
  context: CliContext,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const hubUrl = hubFlag(flags.hub, context);
  if (!flags.user.trim()) throw new CliError('--user must not be empty', ExitCode.USAGE);
  if (context.credentials.kind === 'session-only') {
    // A CLI process ends right after login, so a session-only credential would be
    // useless; refuse rather than pretend, and never fall back to a file.
    const reason = /\(([^()]*)\)$/.exec(context.credentials.sessionOnlyWarning ?? '')?.[1];
    throw new CliError(
      `No system keychain is available${reason ? ` (${reason})` : ''}, and login keeps your session there. Nothing was stored.\n${keychainFixHint(process.platform)}\nOr run without a keychain: \`ops-console tail --password-stdin\` (the session lasts for that run).`,
      ExitCode.FAILED,
    );
  }
  const password = await readSecret(
    `password for ${flags.user} at ${hubUrl}: `,
    'no password given (first line of stdin, or the prompt)',
  );
  const answer = await profileTokens(context, hubUrl, flags.user).signIn(password);
  if (!answer.ok)
    throw new CliError(
      answer.message,
      answer.code === 'unauthorized' ? ExitCode.AUTH : ExitCode.FAILED,
    );
  const profile = await context.profiles.upsert({
    hubUrl,
    username: flags.user,
    displayName: flags.displayName,
  });
  out.write(
    `signed in as ${flags.user} at ${hubUrl} (tenants: ${answer.tenants.join(', ') || 'none'}); the session is in the system keychain, the password is not stored (profile ${profile.id})\n`,
  );
  return ExitCode.OK;
}

/** `ops-console logout`: removes the credential, the profile and its cache. */
export async function runLogout(
  flags: { hub?: string; user?: string },
  context: CliContext,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const profiles = await context.profiles.list();
  let matches = profiles;
  if (flags.hub) {
    const hubUrl = hubFlag(flags.hub);
    const user = await resolveUser(context, hubUrl, flags.user).catch(() => flags.user);
    matches = profiles.filter((p) => p.hubUrl === hubUrl && (!user || p.username === user));
  } else if (flags.user) {
    matches = profiles.filter((p) => p.username === flags.user);
  }
  if (matches.length === 0) throw new CliError('no matching profile is signed in', ExitCode.FAILED);
  if (matches.length > 1)
    throw new CliError(
      `several profiles match (${matches.map((p) => `${p.username}@${p.hubUrl}`).join(', ')}); pass --hub and --user`,
      ExitCode.USAGE,
    );
  const session = new ConsoleSession({
    dataDir: context.dataDir,
    credentials: context.credentials,
    log: context.log,
  });
  const [profile] = matches;
  if (!profile) return ExitCode.FAILED;
  await session.signOut(profile.id);
  out.write(`signed out ${profile.username} at ${profile.hubUrl}; credential and cache deleted\n`);
  return ExitCode.OK;
}
