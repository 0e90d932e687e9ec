import { isCode, type Code, type WireError } from '../../protocol/codes';
import { describeIssues } from '../../protocol/messages';
import { ipcContract } from './channels';
import type { IpcChannel, IpcReply, IpcRequest, IpcResponse } from './channels';

/** Error codes produced by the IPC layer itself (the session adds its own). */
export const IpcErrorCode = {
  /** The sending frame is not one of our documents. */
  FORBIDDEN_SENDER: 'forbidden_sender',
  /** The request did not match the channel's schema. */
  BAD_REQUEST: 'bad_request',
  /** The handler failed in an unexpected way; details are in the main-process log. */
  INTERNAL: 'internal',
} as const;

/** Logs a failed request; never given the request body (it may hold a password). */
export type IpcLog = (line: {
  channel: string;
  code: string;
  message: string;
  error?: unknown;
}) => void;

export interface DispatchDeps {
  isTrustedSender(url: string | undefined): boolean;
  log: IpcLog;
}

export type IpcHandler<C extends IpcChannel> = (
  request: IpcRequest<C>,
) => Promise<IpcResponse<C>> | IpcResponse<C>;

/**
 * An error that is meant for a person: its `code` and `message` cross IPC as
 * they are. Its code must be one of the codes table's (protocol/codes), so Node
 * system errors (`ENOENT`, with file paths in the message) stay in the log.
 */
export function isWireError(error: unknown): error is WireError {
  return (
    typeof error === 'object' &&
    error !== null &&
    isCode((error as { code?: unknown }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * Runs one invoke request through the sender check, input validation, the
 * handler and output validation, and always resolves to an `IpcReply`: bad
 * input or a throwing handler becomes `{ok:false, error:{code,message}}`, never
 * an exception in main. Errors that carry a string `code` (the session's typed
 * errors) keep their code and message; anything else becomes `internal` with
 * the detail kept in the log only.
 */
export async function dispatchInvoke<C extends IpcChannel>(
  channel: C,
  senderUrl: string | undefined,
  rawRequest: unknown,
  handler: IpcHandler<C>,
  deps: DispatchDeps,
): Promise<IpcReply<IpcResponse<C>>> {
  const fail = (code: Code, message: string, error?: unknown): IpcReply<IpcResponse<C>> => {
    deps.log({ channel, code, message, error });
    return { ok: false, error: { code, message } };
  };
  if (!deps.isTrustedSender(senderUrl)) {
    return fail(
      IpcErrorCode.FORBIDDEN_SENDER,
      'This request came from a page the console did not load; it was refused.',
    );
  }
  const contract = ipcContract[channel];
  const parsed = contract.request.safeParse(rawRequest);
  if (!parsed.success)
    return fail(
      IpcErrorCode.BAD_REQUEST,
      `Invalid request on ${channel}: ${describeIssues(parsed.error)}`,
    );
  let value: unknown;
  try {
    value = await handler(parsed.data as IpcRequest<C>);
  } catch (error) {
    if (isWireError(error)) return fail(error.code, error.message, error);
    return fail(
      IpcErrorCode.INTERNAL,
      `The console host failed while handling ${channel}; details are in its log.`,
      error,
    );
  }
  const checked = contract.response.safeParse(value);
  if (!checked.success) {
    return fail(
      IpcErrorCode.INTERNAL,
      `The console host produced an invalid answer on ${channel}; details are in its log.`,
      checked.error,
    );
  }
  return { ok: true, value: checked.data as IpcResponse<C> };
}
