import { parseCredentialAccount } from '../credential-store';
import { HubUrlError, requireSecureHubTransport } from '../hub-url';
import { probeLink, type LinkProbeResult } from '../link-probe';
import { profileTokens, type CliContext } from './cli-context';
import { ExitCode } from './cli-errors';

/** One line of `ops-console status`: a stored credential and what its link does right now. */
export interface StatusRow {
  /** Profile id; null for a keychain entry with no profile (e.g. written by another data dir). */
  id: string | null;
  hubUrl: string;
  username: string;
  displayName: string;
  link: LinkProbeResult & { tenants?: string[] };
}

/**
 * `ops-console status`: for every profile and every credential in the keychain,
 * opens the link briefly and reports `live`, `auth_required` or `unreachable`
 * with the reason. Exit code 0 when every link came up (or there are none), 1 otherwise.
 */
export async function runStatus(
  flags: { json?: boolean; timeoutMs?: number },
  context: CliContext,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const targets = new Map<string, Omit<StatusRow, 'link'>>();
  for (const profile of await context.profiles.list()) {
    targets.set(`${profile.hubUrl}#${profile.username}`, profile);
  }
  for (const entry of await context.credentials.list()) {
    const key = `${entry.hubUrl}#${entry.username}`;
    if (targets.has(key) || !/^https?:\/\//.test(entry.hubUrl)) continue;
    const parsed = parseCredentialAccount(key);
    if (!parsed) continue;
    targets.set(key, {
      id: null,
      ...parsed,
      displayName: `${parsed.username} @ ${new URL(parsed.hubUrl).host}`,
    });
  }

  const rows = await Promise.all(
    [...targets.values()].map(async (target): Promise<StatusRow> => {
      const secret = await context.credentials.get(target.hubUrl, target.username);
      if (secret === null) {
        return {
          ...target,
          link: { state: 'auth_required', reason: 'no credential stored; run ops-console login' },
        };
      }
      try {
        requireSecureHubTransport(target.hubUrl, context);
      } catch (error) {
        if (!(error instanceof HubUrlError)) throw error;
        return { ...target, link: { state: 'unreachable', reason: error.message } };
      }
      let tenants: string[] | undefined;
      const tokens = profileTokens(context, target.hubUrl, target.username, (granted) => {
        tenants = granted;
      });
      const result = await probeLink({
        hubUrl: target.hubUrl,
        timeoutMs: flags.timeoutMs,
        getToken: tokens.source,
      });
      return {
        ...target,
        link: result.state === 'live' && tenants ? { ...result, tenants } : result,
      };
    }),
  );

  if (flags.json) {
    out.write(
      `${JSON.stringify({ keychain: context.credentials.kind, warning: context.credentials.sessionOnlyWarning ?? null, profiles: rows })}\n`,
    );
  } else {
    if (context.credentials.sessionOnlyWarning)
      out.write(`warning: ${context.credentials.sessionOnlyWarning}\n`);
    if (rows.length === 0) out.write('no profiles; run: ops-console login --hub URL --user NAME\n');
    for (const row of rows) {
      const detail =
        row.link.state === 'live'
          ? `tenants ${row.link.tenants?.join(', ') || 'none'}`
          : row.link.reason;
      out.write(
        `${row.username} @ ${row.hubUrl} (${row.displayName}): ${row.link.state}: ${detail}\n`,
      );
    }
  }
  return rows.every((row) => row.link.state === 'live') ? ExitCode.OK : ExitCode.FAILED;
}
