import { actionRequestSchema, type ActionReceipt, type ActionRequest } from '../actions';
import type { BridgeResult } from '../bridge/bridge-result';
import { CodedError, toWireError, type Code } from '../codes';
import type { AckMessage, ActionMessage } from '../messages';
import { describeIssues } from '../messages';
import type { Clock, TimerHandle } from './clock';
import type { LinkStatus } from './link-state';

/** How long an action waits for its `ack` (or `error`) before it is called unconfirmed, ms. */
export const DEFAULT_ACTION_TIMEOUT_MS = 10_000;

/** What the book needs from its link client. @internal */
export interface ActionBookHost {
  clock: Clock;
  /** See `LinkClientOptions.actionTimeoutMs`. */
  timeoutMs: number;
  /** The link's status now: actions go out only while `live`. */
  status(): LinkStatus;
  /** Writes one frame on the live socket. */
  send(frame: ActionMessage): void;
}

interface PendingAction {
  request: ActionRequest;
  promise: Promise<ActionReceipt>;
  resolve(receipt: ActionReceipt): void;
  reject(error: CodedError): void;
  timer: TimerHandle;
}

/**
 * The operator actions a link has sent and not yet heard back about, by action id.
 * The offline policy (docs/protocol.md, "Offline and unconfirmed actions") lives here:
 * - not live: refused at once with `offline`; nothing is sent and nothing is queued,
 *   because a bump or an acknowledgement replayed minutes later acts on a board
 *   that has moved on;
 * - live: the `action` frame goes out and the action waits for the hub's `ack`
 *   (resolves) or an `error` frame with its id (rejects with the hub's code);
 * - the socket it went out on goes away (drop, stall, offline, sign-in needed, stop)
 *   or no answer comes within the timeout: rejected with `action_unconfirmed`. The
 *   hub dedups by (user, action id), so sending the same request again is safe.
 * An `ack` or `error` whose id is not waiting (a late answer after the timeout) is ignored.
 * @internal
 */
export class ActionBook {
  private readonly pending = new Map<string, PendingAction>();

  constructor(private readonly host: ActionBookHost) {}

  /** Actions waiting for an answer. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Sends `input` (checked against `actionRequestSchema`) and resolves with the hub's
   * receipt. Rejects with a `CodedError`: `bad_request` for invalid input or an id
   * already waiting with a different action, `offline` when the link is not live,
   * the hub's code (`forbidden`, `not_found`, `bad_request`, `rate_limited`,
   * `unavailable`, …) when it refuses, `action_unconfirmed` when the answer is lost.
   * The same request sent again while it still waits shares the first one's answer.
   */
  send(input: ActionRequest): Promise<ActionReceipt> {
    const parsed = actionRequestSchema.safeParse(input);
    if (!parsed.success)
      return Promise.reject(
        new CodedError('bad_request', `invalid action: ${describeIssues(parsed.error)}`),
      );
    const request = parsed.data;
    const waiting = this.pending.get(request.id);
    if (waiting) {
      if (sameRequest(waiting.request, request)) return waiting.promise;
      return Promise.reject(
        new CodedError(
          'bad_request',
          `action id ${request.id} is already waiting for an answer to a different action; make a new id for each action`,
        ),
      );
    }
    const status = this.host.status();
    if (status.state !== 'live')
      return Promise.reject(
        new CodedError(
          'offline',
          `Not live (${status.state}: ${status.reason}); actions are off until the link is back. Nothing was sent.`,
        ),
      );
    let resolve!: (receipt: ActionReceipt) => void;
    let reject!: (error: CodedError) => void;
    const promise = new Promise<ActionReceipt>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const timer = this.host.clock.setTimeout(
      () =>
        this.settle(request.id, (entry) =>
          entry.reject(
            new CodedError(
              'action_unconfirmed',
              `no answer from the hub within ${this.host.timeoutMs} ms; sending the same action again is safe`,
            ),
          ),
        ),
      this.host.timeoutMs,
    );
    this.pending.set(request.id, { request, promise, resolve, reject, timer });
    this.host.send({ type: 'action', ...request });
    return promise;
  }

  /** The hub's `ack`: resolves the action it answers. @returns false for an id (or tenant) not waiting. */
  acknowledged(ack: AckMessage): boolean {
    const entry = this.pending.get(ack.id);
    if (!entry || entry.request.tenant !== ack.tenant) return false;
    return this.settle(ack.id, (found) =>
      found.resolve({ id: ack.id, seq: ack.seq, duplicate: ack.duplicate }),
    );
  }

  /** An `error` frame carrying an action id: rejects that action with the hub's code. @returns false for an id not waiting. */
  refused(id: string, code: Code, message: string): boolean {
    return this.settle(id, (entry) => entry.reject(new CodedError(code, message)));
  }

  /** The socket the actions went out on is gone: every waiting action becomes unconfirmed. */
  abandonAll(why: string): void {
    for (const id of [...this.pending.keys()])
      this.settle(id, (entry) =>
        entry.reject(
          new CodedError(
            'action_unconfirmed',
            `the link dropped before the hub answered (${why}); sending the same action again is safe`,
          ),
        ),
      );
  }

  private settle(id: string, how: (entry: PendingAction) => void): boolean {
    const entry = this.pending.get(id);
    if (!entry) return false;
    this.pending.delete(id);
    this.host.clock.clearTimeout(entry.timer);
    how(entry);
    return true;
  }
}

function sameRequest(a: ActionRequest, b: ActionRequest): boolean {
  return (
    a.tenant === b.tenant && a.action === b.action && a.target === b.target && a.reason === b.reason
  );
}

/**
 * Folds an action's outcome into the bridge's `BridgeResult`, as both hosts answer
 * `actions.perform`: a receipt becomes `ok`, a coded rejection keeps its code and
 * message, anything else becomes `internal` (its detail stays in the host's log).
 */
export async function actionOutcome(
  pending: Promise<ActionReceipt>,
): Promise<BridgeResult<ActionReceipt>> {
  try {
    return { ok: true, value: await pending };
  } catch (error) {
    return { ok: false, error: toWireError(error, 'the action failed in the host; see its log') };
  }
}
