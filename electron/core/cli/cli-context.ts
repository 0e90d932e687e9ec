import { isTenantId } from '../../../protocol/ids';
import { createCoreLogger, type CoreLogger } from '../core-logger';
import { openCredentialStore, type CredentialStore } from '../credential-store';
import { resolveDataDir } from '../data-dir';
import { HubUrlError, normalizeHubUrl, requireSecureHubTransport } from '../hub-url';
import { requestToken } from '../hub-client-http';
import { loadManagedPolicy, policyFilePath } from '../policy/managed-policy';
import { ProfileStore } from '../profiles';
import { RefreshingTokenSource } from '../refreshing-token-source';
import { CliError, ExitCode } from './cli-errors';

/** What every command needs: data dir, logger, keychain and profiles. */
export interface CliContext {
  dataDir: string;
  log: CoreLogger;
  credentials: CredentialStore;
  profiles: ProfileStore;
  /** Managed policy `allowInsecureRemoteHubs` (the same file the desktop app reads). */
  allowInsecureRemoteHubs: boolean;
}

export async function openCliContext(): Promise<CliContext> {
  const log = createCoreLogger(process.env.OPS_CONSOLE_LOG_LEVEL ?? 'warn');
  const dataDir = resolveDataDir();
  const credentials = await openCredentialStore(log);
  const { policy } = await loadManagedPolicy(
    // The CLI runs from a source checkout, never from a packaged build, so the development
    // override applies; whoever can set it can edit this file too.
    policyFilePath(process.platform, process.env, false),
    (level, message, detail) => log[level](detail, message),
  );
  return {
    dataDir,
    log,
    credentials,
    profiles: new ProfileStore(dataDir, log),
    allowInsecureRemoteHubs: policy.allowInsecureRemoteHubs,
  };
}

/**
 * Validates `--hub`; with `context`, also refuses plain http to a hub on another
 * computer unless policy allows it (every command that sends a credential passes it).
 * @throws CliError (exit 2) naming the flag, or saying to use https://.
 */
export function hubFlag(
  value: string,
  context?: Pick<CliContext, 'allowInsecureRemoteHubs'>,
): string {
  try {
    const hubUrl = normalizeHubUrl(value);
    refusePath(hubUrl, value);
    if (context)
      requireSecureHubTransport(hubUrl, {
        allowInsecureRemoteHubs: context.allowInsecureRemoteHubs,
      });
    return hubUrl;
  } catch (error) {
    if (error instanceof HubUrlError) throw new CliError(error.message, ExitCode.USAGE);
    throw error;
  }
}

/**
 * The hub answers at its origin (`/v1/ws`, `/v1/token` and `/console/` hang off it),
 * so a path means a page was pasted, most often the browser console's.
 * @throws CliError (exit 2) saying what to type instead.
 */
function refusePath(hubUrl: string, typed: string): void {
  const url = new URL(hubUrl);
  if (url.pathname === '/' || url.pathname === '') return;
  const page = /^\/console(\/|$)/.test(url.pathname)
    ? "that is the browser console's page, not the hub"
    : `the hub is addressed by its origin, without a path`;
  throw new CliError(
    `--hub ${JSON.stringify(typed)} has a path (${url.pathname}): ${page}. Use --hub ${url.origin}`,
    ExitCode.USAGE,
  );
}

/** Validates `--tenant`. @throws CliError (exit 2). */
export function tenantFlag(value: string): string {
  if (!isTenantId(value))
    throw new CliError(
      `--tenant ${JSON.stringify(value)} is not a tenant id (lower-case letters, digits, _ and -, at most 63, e.g. cedar-group)`,
      ExitCode.USAGE,
    );
  return value;
}

/**
 * The username to use for a hub: `--user`, or the only credential stored for it.
 * @throws CliError (exit 3 when none is stored, 2 when several are and --user is missing).
 */
export async function resolveUser(
  context: CliContext,
  hubUrl: string,
  user: string | undefined,
): Promise<string> {
  if (user) return user;
  const stored = await context.credentials.list(hubUrl);
  if (stored.length === 1 && stored[0]) return stored[0].username;
  if (stored.length === 0)
    throw new CliError(
      `no credential stored for ${hubUrl}; run: ops-console login --hub ${hubUrl} --user NAME`,
      ExitCode.AUTH,
    );
  throw new CliError(
    `several credentials are stored for ${hubUrl} (${stored.map((s) => s.username).join(', ')}); pass --user`,
    ExitCode.USAGE,
  );
}

/**
 * The token source of one stored profile: renews with the refresh token in
 * `credentials` (the keychain, or a session-only store for `--password-stdin`).
 */
export function profileTokens(
  context: Pick<CliContext, 'credentials' | 'log'>,
  hubUrl: string,
  username: string,
  onTenants?: (tenants: string[]) => void,
): RefreshingTokenSource {
  return new RefreshingTokenSource({
    hubUrl,
    username,
    credentials: context.credentials,
    request: (body) => requestToken(hubUrl, body),
    log: context.log,
    onGranted: (answer) => onTenants?.(answer.tenants),
  });
}
