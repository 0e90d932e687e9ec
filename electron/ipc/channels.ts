import { z } from 'zod';
import {
  BRIDGE_OPERATION_NAMES,
  bridgeIdSchema,
  bridgeOperations,
  bridgeSubscriptions,
} from '../../protocol/bridge';
import type {
  BridgeError,
  BridgeOperationName,
  BridgeOperations,
  BridgePush,
} from '../../protocol/bridge';
import { BoardSubscriptionChannel, OperationChannel, SubscriptionChannel } from './channel-names';

/**
 * The one typed IPC channel map: for every invoke channel, the zod schema of
 * the request (what the renderer may send) and of the response value (what
 * main promises to answer). Every schema comes from the bridge contract in
 * protocol/bridge; this file only says which channel carries which operation.
 * Main validates both; the preload only uses the inferred types. The only
 * secret that ever crosses is the password typed into sign-in, once,
 * renderer → main.
 *
 * An operation's request is its argument tuple and its response its result.
 * A board subscription is opened with `{subscriptionId, args}` and released
 * with `{subscriptionId}`; main then pushes `{subscriptionId, update}`.
 */

type OperationContract = {
  [K in BridgeOperationName as (typeof OperationChannel)[K]]: {
    request: BridgeOperations[K]['args'];
    response: BridgeOperations[K]['result'];
  };
};

const operationContract = Object.fromEntries(
  BRIDGE_OPERATION_NAMES.map((name) => [
    OperationChannel[name],
    { request: bridgeOperations[name].args, response: bridgeOperations[name].result },
  ]),
) as OperationContract;

const boardSubscriptionContract = {
  [BoardSubscriptionChannel.start]: {
    request: z.strictObject({
      subscriptionId: bridgeIdSchema,
      args: bridgeSubscriptions['boards.subscribe'].args,
    }),
    response: z.void(),
  },
  [BoardSubscriptionChannel.stop]: {
    request: z.strictObject({ subscriptionId: bridgeIdSchema }),
    response: z.void(),
  },
} as const;

/** The channel map, keyed by channel name. */
export const ipcContract = { ...operationContract, ...boardSubscriptionContract };

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
export type IpcReply<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** Payload of the board subscription's push channel. */
export interface BoardUpdatePush {
  subscriptionId: string;
  update: BridgePush<'boards.subscribe'>;
}

export { BoardSubscriptionChannel, OperationChannel, SubscriptionChannel };
