import './actions.css';

import type { ReactNode } from 'react';
import type { OperatorAction } from '../../../protocol/actions';
import { useMessages } from '../app/app-stores';
import type { Messages } from '../i18n/messages-en';
import {
  useOperatorAction,
  type ActionPhase,
  type OperatorActionHandle,
} from './use-operator-action';

/**
 * A row of action buttons with, while actions are off, the one line that says why
 * (shown once per row, not once per button).
 */
export function ActionBar({
  disabledReason,
  className = '',
  compact = false,
  children,
}: {
  disabledReason: string | null;
  className?: string;
  /** No line of text (a one-line Feed row): the disabled buttons' tooltip says why. */
  compact?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={`action-bar ${className}`}
      data-actions-off={disabledReason !== null || undefined}
    >
      <div className="action-bar__buttons">{children}</div>
      {disabledReason !== null && !compact && <p className="action-bar__off">{disabledReason}</p>}
    </div>
  );
}

export interface OperatorActionButtonProps {
  tenant: string;
  action: OperatorAction;
  target: string;
  /** What the button does, in words ("Ready", "Recall", "Acknowledge"). */
  label: string;
  /** A longer description for the tooltip and screen readers. */
  hint?: string;
  disabledReason: string | null;
  primary?: boolean;
}

/** One button that sends one action (not `order.clear`: that needs a reason, see ClearTicket). */
export function OperatorActionButton(props: OperatorActionButtonProps) {
  const handle = useOperatorAction(props.tenant, props.action, props.target);
  return (
    <ActionButton
      handle={handle}
      label={props.label}
      action={props.action}
      disabledReason={props.disabledReason}
      onClick={() => handle.run()}
      {...(props.hint !== undefined ? { hint: props.hint } : {})}
      {...(props.primary ? { primary: true } : {})}
    />
  );
}

/** The button of an action handle, with its sending, failed and Retry states. */
export function ActionButton({
  handle,
  label,
  action,
  hint,
  disabledReason,
  primary = false,
  onClick,
}: {
  handle: OperatorActionHandle;
  label: string;
  action: OperatorAction;
  hint?: string;
  disabledReason: string | null;
  primary?: boolean;
  onClick: () => void;
}) {
  const { t } = useMessages();
  const { phase } = handle;
  const sending = phase.kind === 'sending';
  return (
    <span className="action" data-action={action} data-phase={phase.kind}>
      <button
        type="button"
        className={`button button--small action__button${primary ? ' button--primary' : ''}`}
        disabled={disabledReason !== null || sending}
        aria-busy={sending || undefined}
        title={disabledReason ?? hint}
        onClick={onClick}
      >
        {sending ? t.actions.sending : label}
      </button>
      <ActionFailure phase={phase} onRetry={handle.retry} disabled={disabledReason !== null} />
    </span>
  );
}

/** What went wrong, in words, and "Retry" (same id) when the action may have reached the hub. */
export function ActionFailure({
  phase,
  onRetry,
  disabled,
}: {
  phase: ActionPhase;
  onRetry: () => void;
  disabled: boolean;
}) {
  const { t } = useMessages();
  if (phase.kind !== 'failed') return null;
  return (
    <span className="action__failure" role="alert" data-code={phase.code}>
      {failureText(phase, t)}
      {phase.retry && (
        <>
          {' '}
          <button
            type="button"
            className="button button--small action__retry"
            disabled={disabled}
            onClick={onRetry}
          >
            {t.actions.retry}
          </button>
        </>
      )}
    </span>
  );
}

function failureText(phase: Extract<ActionPhase, { kind: 'failed' }>, t: Messages): string {
  return t.actions.failures[phase.code] ?? t.actions.failed(phase.message);
}
