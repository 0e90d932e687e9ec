import { z } from 'zod';
import { BOARD_KINDS, LINK_STATES, tenantIdSchema } from '../../protocol';
import { UPDATE_REASONS, UPDATE_STATES } from '../../protocol/bridge/update-status';
import type { BoardUpdate, LinkState } from '../../protocol';
import { InvokeChannel, PushChannel } from './channel-names';

/**
 * The one typed IPC channel map: for every invoke channel, a zod schema for
 * the request (what the renderer may send) and for the response value (what
 * main promises to answer). Main validates both; the preload only uses the
 * inferred types. No schema here carries a token or a stored credential: the
 * only secret that ever crosses is the password typed into sign-in, once,
 * renderer → main.
 */

const wireErrorSchema = z.object({ code: z.string(), message: z.string() });

/** `{ok, value | error}` as defined by protocol's BridgeResult. */
function bridgeResult<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: wireErrorSchema }),
  ]);
}

const httpUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine(
    (url) => new URL(url).username === '' && new URL(url).password === '',
    'the hub URL must not carry a user name or password',
  );

/** Ids are opaque to the renderer but bounded so a hostile page cannot send megabytes. */
const idSchema = z.string().min(1).max(256);

export const boardKindSchema = z.enum(BOARD_KINDS);
export const windowModeSchema = z.enum(['normal', 'fullscreen', 'kiosk']);

export const profileSummarySchema = z.object({
  id: z.string(),
  hubUrl: z.string(),
  username: z.string(),
  displayName: z.string(),
  tenants: z.array(z.string()),
  signedIn: z.boolean(),
  sessionOnlyWarning: z.string().optional(),
});

export const signInInputSchema = z.strictObject({
  hubUrl: httpUrlSchema,
  username: z.string().trim().min(1).max(128),
  password: z.string().min(1).max(4096),
  displayName: z.string().trim().min(1).max(128).optional(),
});

export const tenantInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  profileId: z.string(),
});

export const linkStatusSchema = z.object({
  state: z.enum(LINK_STATES as [LinkState, ...LinkState[]]),
  since: z.number(),
  reason: z.string(),
  attempt: z.number().optional(),
  nextRetryAt: z.number().optional(),
  lastEventAt: z.number().optional(),
  lagMs: z.number().optional(),
});

export const playlistSchema = z.strictObject({
  boards: z
    .array(boardKindSchema)
    .min(1)
    .max(BOARD_KINDS.length * 4),
  intervalSec: z
    .number()
    .int()
    .min(5)
    .max(24 * 3600),
});

export const openWindowOptionsSchema = z.strictObject({
  mode: windowModeSchema.optional(),
  playlist: playlistSchema.optional(),
});

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
  platform: z.string(),
  canHostHub: z.boolean(),
  canOpenWindows: z.boolean(),
});

export const hostedHubStatusSchema = z.object({
  running: z.boolean(),
  url: z.string().optional(),
  demo: z.boolean().optional(),
  error: wireErrorSchema.optional(),
});

/** A host name or IP literal to bind the bundled hub to, e.g. `127.0.0.1`, `0.0.0.0`, `::1`. */
export const bindAddressSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'expected a host name or IP address such as 127.0.0.1');

export const hostedHubStartSchema = z.strictObject({
  demo: z.boolean(),
  bindAddress: bindAddressSchema.optional(),
});

export const updateStatusSchema = z.object({
  state: z.enum(UPDATE_STATES),
  reason: z.enum(UPDATE_REASONS),
  currentVersion: z.string(),
  channel: z.enum(['stable', 'beta']).optional(),
  managed: z.boolean().optional(),
  availableVersion: z.string().optional(),
  installBy: z.enum(['app', 'it']).optional(),
  percent: z.number().min(0).max(100).optional(),
  checkedAt: z.number().optional(),
  error: wireErrorSchema.optional(),
  policyProblem: z.string().optional(),
});

const noInput = z.undefined();
const noValue = z.null();

/** The channel map. Keys are the channel names from `channel-names.ts`. */
export const ipcContract = {
  [InvokeChannel.profilesList]: { request: noInput, response: z.array(profileSummarySchema) },
  [InvokeChannel.profilesSignIn]: {
    request: signInInputSchema,
    response: bridgeResult(profileSummarySchema),
  },
  [InvokeChannel.profilesSignOut]: {
    request: z.strictObject({ profileId: idSchema }),
    response: noValue,
  },
  [InvokeChannel.tenantsList]: { request: noInput, response: z.array(tenantInfoSchema) },
  [InvokeChannel.boardsSubscribe]: {
    request: z.strictObject({ subscriptionId: idSchema, tenant: tenantIdSchema }),
    response: noValue,
  },
  [InvokeChannel.boardsUnsubscribe]: {
    request: z.strictObject({ subscriptionId: idSchema }),
    response: noValue,
  },
  [InvokeChannel.linkStatus]: { request: noInput, response: linkStatusSchema },
  [InvokeChannel.windowsOpen]: {
    request: z.strictObject({
      tenant: tenantIdSchema,
      board: boardKindSchema,
      options: openWindowOptionsSchema.optional(),
    }),
    response: noValue,
  },
  [InvokeChannel.appInfo]: { request: noInput, response: appInfoSchema },
  [InvokeChannel.hostedHubStatus]: { request: noInput, response: hostedHubStatusSchema },
  [InvokeChannel.hostedHubStart]: {
    request: hostedHubStartSchema,
    response: hostedHubStatusSchema,
  },
  [InvokeChannel.updatesStatus]: { request: noInput, response: updateStatusSchema },
  [InvokeChannel.updatesCheck]: { request: noInput, response: updateStatusSchema },
  [InvokeChannel.updatesRestart]: { request: noInput, response: noValue },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
/** What the renderer sends on `C` (after validation in main). */
export type IpcRequest<C extends IpcChannel> = z.output<IpcContract[C]['request']>;
/** The value main answers on `C` when it succeeds. */
export type IpcResponse<C extends IpcChannel> = z.output<IpcContract[C]['response']>;

/**
 * Every invoke reply is wrapped in this envelope, so a failure reaches the
 * renderer as a plain `{code, message}` and never as a rejected invoke whose
 * message Electron prefixes and mangles.
 */
export type IpcReply<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Payload of `PushChannel.boardUpdate`. */
export interface BoardUpdatePush {
  subscriptionId: string;
  update: BoardUpdate;
}

export { InvokeChannel, PushChannel };
