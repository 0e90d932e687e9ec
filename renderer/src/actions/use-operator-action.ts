import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionReceipt, ActionRequest, OperatorAction } from '../../../protocol/actions';
import type { Code } from '../../../protocol/codes';
import { useAppStores } from '../app/app-stores';
import { newActionId } from './action-id';

/**
 * One action button's state: idle → sending → done, or failed with the host's
 * code and message. `retry` is true when the action may have reached the hub
 * (`action_unconfirmed`, or the host call itself failed): resending the same
 * request, same id, is then safe because the hub dedups it.
 */
export type ActionPhase =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'done'; receipt: ActionReceipt }
  | { kind: 'failed'; code: Code; message: string; retry: boolean };

export interface OperatorActionHandle {
  phase: ActionPhase;
  /** Sends the action with a fresh id; `reason` only for `order.clear`. Ignored while sending. */
  run(reason?: string): void;
  /** Resends the last request with the SAME id (after `action_unconfirmed`). */
  retry(): void;
  /** Forgets a finished or failed attempt (back to idle); ignored while sending. */
  reset(): void;
}

/** Codes after which the action may have been applied, so only a same-id resend is safe. */
const MAYBE_APPLIED: ReadonlySet<Code> = new Set<Code>(['action_unconfirmed', 'host_call_failed']);

/**
 * Sends operator action `action` on `target` of `tenant` through the host bridge
 * (`actions.perform`) and tracks its state for one button. Never throws: host
 * failures become a `failed` phase with `{code, message}`.
 */
export function useOperatorAction(
  tenant: string,
  action: OperatorAction,
  target: string,
): OperatorActionHandle {
  const { bridge } = useAppStores();
  const [phase, setPhase] = useState<ActionPhase>({ kind: 'idle' });
  const last = useRef<ActionRequest | null>(null);
  const sending = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const send = useCallback(
    (request: ActionRequest) => {
      if (sending.current) return;
      sending.current = true;
      last.current = request;
      setPhase({ kind: 'sending' });
      const settle = (next: ActionPhase) => {
        sending.current = false;
        if (mounted.current) setPhase(next);
      };
      bridge.actions.perform(request).then(
        (result) =>
          settle(
            result.ok
              ? { kind: 'done', receipt: result.value }
              : {
                  kind: 'failed',
                  code: result.error.code,
                  message: result.error.message,
                  retry: MAYBE_APPLIED.has(result.error.code),
                },
          ),
        (error: unknown) => {
          console.warn('[ops-console] An action did not reach the host', error);
          settle({
            kind: 'failed',
            code: 'host_call_failed',
            message: error instanceof Error ? error.message : String(error),
            retry: true,
          });
        },
      );
    },
    [bridge],
  );

  const run = useCallback(
    (reason?: string) =>
      send({
        id: newActionId(),
        tenant,
        action,
        target,
        ...(reason !== undefined ? { reason } : {}),
      }),
    [send, tenant, action, target],
  );
  const retry = useCallback(() => {
    if (last.current) send(last.current);
  }, [send]);
  const reset = useCallback(() => {
    if (!sending.current) setPhase({ kind: 'idle' });
  }, []);
  return { phase, run, retry, reset };
}
