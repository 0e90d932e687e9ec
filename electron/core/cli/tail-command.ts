import WebSocket from 'ws';
import type { OpsEvent } from '../../../protocol/events';
import { LinkClient } from '../../../protocol/link/link-client';
import type { SocketConstructor } from '../../../protocol/link/socket-port';
import { SessionOnlyCredentialStore } from '../credential-store';
import { wsUrlOf } from '../hub-url';
import { hubFlag, profileTokens, resolveUser, tenantFlag, type CliContext } from './cli-context';
import { CliError, ExitCode } from './cli-errors';
import { summarizeEvent } from './event-summary';
import { readSecret } from './read-secret';
import { typesFilter } from './types-flag';

export interface TailFlags {
  hub: string;
  tenant: string;
  user?: string;
  types?: string;
  json?: boolean;
  passwordStdin?: boolean;
}

/** One output line of `tail --json`; see the contract in issue 3. */
export type TailLine =
  | { kind: 'state'; from: string; to: string; reason: string }
  | { kind: 'snapshot'; tenant: string; seq: number; epoch: string }
  | { kind: 'resumed'; tenant: string; seq: number }
  | {
      kind: 'event';
      tenant: string;
      seq: number;
      type: string;
      /** Hub acceptance time, epoch ms. */
      ts: number;
      prev?: number;
      /** The whole event as delivered: type, id, location, producer ts and data. */
      event: OpsEvent;
    }
  | { kind: 'token'; how: string; exp: number }
  | { kind: 'error'; code: string; message: string; tenant?: string };

/** The tenant's zone, once its snapshot has said it, for event times. */
function humanLine(line: TailLine, timeZone: string | undefined): string {
  switch (line.kind) {
    case 'state':
      return `link ${line.from} → ${line.to}: ${line.reason}`;
    case 'snapshot':
      return `${line.tenant} snapshot at seq ${line.seq} (epoch ${line.epoch}); times in ${timeZone ?? 'local time'}`;
    case 'resumed':
      return `${line.tenant} resumed at seq ${line.seq}`;
    case 'event':
      return summarizeEvent(line.event, line.ts, { timeZone });
    case 'token':
      return `token (${line.how}) valid until ${new Date(line.exp * 1000).toISOString()}`;
    case 'error':
      return `error ${line.code}: ${line.message}`;
  }
}

/**
 * `ops-console tail`: runs the link with the stored credential and prints what
 * happens. Resolves with the exit code: 0 on SIGINT/SIGTERM, 3 when the hub
 * refuses the credential (the link stops retrying in auth_required) or refuses
 * the tenant (`forbidden`: the token does not grant it).
 */
export async function runTail(
  flags: TailFlags,
  context: CliContext,
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const hubUrl = hubFlag(flags.hub, context);
  const tenant = tenantFlag(flags.tenant);
  const filter = typesFilter(flags.types);
  const user = await resolveUser(context, hubUrl, flags.user).catch(async (error: unknown) => {
    if (flags.passwordStdin && flags.user) return flags.user;
    throw error;
  });
  let tokens;
  if (flags.passwordStdin) {
    // This run only: the refresh token from the password grant lives in memory.
    const password = await readSecret('password: ', 'no password given on stdin');
    tokens = profileTokens(
      { credentials: new SessionOnlyCredentialStore(), log: context.log },
      hubUrl,
      user,
    );
    const answer = await tokens.signIn(password);
    if (!answer.ok)
      throw new CliError(
        answer.message,
        answer.code === 'unauthorized' ? ExitCode.AUTH : ExitCode.FAILED,
      );
  } else {
    if ((await context.credentials.get(hubUrl, user)) === null)
      throw new CliError(
        `no credential stored for ${user} at ${hubUrl}; run: ops-console login --hub ${hubUrl} --user ${user}`,
        ExitCode.AUTH,
      );
    tokens = profileTokens(context, hubUrl, user);
  }

  let timeZone: string | undefined;
  const print = (line: TailLine) =>
    out.write(flags.json ? `${JSON.stringify(line)}\n` : `${humanLine(line, timeZone)}\n`);
  const link = new LinkClient({
    url: wsUrlOf(hubUrl),
    WebSocket: WebSocket as unknown as SocketConstructor,
    getToken: tokens.source,
  });
  link.on('state', ({ from, to, reason }) => print({ kind: 'state', from, to, reason }));
  link.on('snapshot', ({ tenant: t, seq, epoch, state }) => {
    timeZone = state.timeZone;
    print({ kind: 'snapshot', tenant: t, seq, epoch });
  });
  link.on('resumed', ({ tenant: t, seq }) => print({ kind: 'resumed', tenant: t, seq }));
  // One line per event, however the hub framed it (single frames or batches).
  link.on('event', ({ tenant: t, seq, ts, prev, event }) =>
    print({
      kind: 'event',
      tenant: t,
      seq,
      type: event.type,
      ts,
      ...(prev === undefined ? {} : { prev }),
      event,
    }),
  );
  link.on('token', ({ how, exp }) => print({ kind: 'token', how, exp }));
  link.on('error', ({ code, message, tenant: t }) =>
    print(t ? { kind: 'error', code, message, tenant: t } : { kind: 'error', code, message }),
  );
  link.on('resync', ({ tenant: t, reason }) =>
    print({ kind: 'error', code: 'resync', message: reason, tenant: t }),
  );

  return new Promise<number>((resolve) => {
    const finish = (code: number) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      link.stop(
        code === ExitCode.OK ? 'interrupted' : 'the hub refused the credential or the tenant',
      );
      resolve(code);
    };
    const onSignal = () => finish(ExitCode.OK);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    link.on('state', ({ to }) => {
      if (to === 'auth_required') finish(ExitCode.AUTH);
    });
    // The one tenant we follow was refused: waiting would print nothing, forever.
    link.on('error', ({ code, message, tenant: t }) => {
      if (code !== 'forbidden' || t !== tenant) return;
      process.stderr.write(
        `ops-console: ${message} (credential ${user} at ${hubUrl}); nothing to follow\n`,
      );
      finish(ExitCode.AUTH);
    });
    link.subscribe(tenant, filter ? { filter } : {});
    link.start();
  });
}
