/**
 * States of the link to a hub. Every transition is emitted as `{from, to, reason}`.
 * - `idle`: created, not started.
 * - `connecting`: first connection attempt in progress.
 * - `live`: welcome received; subscriptions flow.
 * - `reconnecting`: waiting for or making attempt `attempt`; `nextRetryAt` says when.
 * - `offline`: the host reported the network down; retries resume on the online signal.
 * - `auth_required`: the credential was rejected (4003, or 401 from the token endpoint). No retries until a new sign-in.
 * - `stopped`: stopped on purpose.
 */
export type LinkState =
  'idle' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'auth_required' | 'stopped';

export const LINK_STATES: readonly LinkState[] = [
  'idle',
  'connecting',
  'live',
  'reconnecting',
  'offline',
  'auth_required',
  'stopped',
];

/** A snapshot of the link, as shown in status bars and sent over IPC. */
export interface LinkStatus {
  state: LinkState;
  /** When this state was entered, epoch ms. */
  since: number;
  /** Why the link entered this state, in plain words. */
  reason: string;
  /** In `reconnecting`: the attempt number, from 1. */
  attempt?: number;
  /** In `reconnecting`: when the next attempt starts, epoch ms. */
  nextRetryAt?: number;
  /** Hub time of the newest event received, epoch ms. */
  lastEventAt?: number;
  /** Delivery lag of the newest event: local receive time minus hub acceptance time, corrected for clock skew, ms. */
  lagMs?: number;
}

export interface LinkTransition {
  from: LinkState;
  to: LinkState;
  reason: string;
  at: number;
}
