/**
 * What a client does about a code. Every close, wire error and host code in
 * `protocol/codes/` names exactly one of these (the centrifuge-js `codes.ts` idea),
 * so a client reads the action from the table instead of matching codes by hand.
 */
export type CodeAction =
  /** Reconnect with exponential backoff and full jitter, then resume. */
  | 'reconnect'
  /** Reconnect at a random moment inside the window the hub named in the close reason, then resume. */
  | 'reconnect_within_window'
  /** Obtain a fresh token first, then reconnect (or resend) and resume. */
  | 'refresh_token'
  /** Stop retrying: the credential is not good any more. A person must sign in again. */
  | 'auth_required'
  /** Try the same operation again later, unchanged; the cause is temporary. */
  | 'retry'
  /** Nothing to retry: show or log the message, which says what to change. */
  | 'show'
  /** Stop: a person must fix what the message names (configuration, a file, a policy) before trying again. */
  | 'stop';

/** The actions a WebSocket close code may name: the link only ever reconnects or stops. */
export type CloseAction = Extract<
  CodeAction,
  'reconnect' | 'reconnect_within_window' | 'refresh_token' | 'auth_required'
>;

/** Every action, in a stable order, for docs and exhaustive tests. */
export const CODE_ACTIONS: readonly CodeAction[] = [
  'reconnect',
  'reconnect_within_window',
  'refresh_token',
  'auth_required',
  'retry',
  'show',
  'stop',
];
