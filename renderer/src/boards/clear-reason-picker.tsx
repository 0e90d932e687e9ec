import { useId, useState } from 'react';
import { useMessages } from '../app/app-stores';

const PRESETS = ['servedLost', 'duplicate', 'test'] as const;
type Choice = (typeof PRESETS)[number] | 'other';

/** Longest reason the contract takes (protocol/events.ts, actionReasonSchema). */
const REASON_MAX = 200;

/**
 * The reason picker of "Clear": three common reasons and "Other…" with a text
 * field. A ticket is never cleared without a reason: "Clear ticket" stays
 * disabled until one is picked or typed. The reason is sent as shown, in the
 * operator's language, since the log records what the person said.
 */
export function ClearReasonPicker({
  orderId,
  disabled,
  onConfirm,
  onCancel,
}: {
  orderId: string;
  /** True while actions are off or the clear is being sent. */
  disabled: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useMessages();
  const name = useId();
  const otherId = useId();
  const hintId = useId();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [other, setOther] = useState('');
  const reason =
    choice === null ? '' : choice === 'other' ? other.trim() : t.actions.clearReasons[choice];
  return (
    <form
      className="clear-picker"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason !== '' && !disabled) onConfirm(reason);
      }}
    >
      <fieldset>
        <legend>{t.actions.clearTitle(orderId)}</legend>
        {[...PRESETS, 'other' as const].map((option) => (
          <label key={option} className="clear-picker__option">
            <input
              type="radio"
              name={name}
              value={option}
              checked={choice === option}
              onChange={() => setChoice(option)}
            />{' '}
            {t.actions.clearReasons[option]}
          </label>
        ))}
        {choice === 'other' && (
          <label htmlFor={otherId} className="clear-picker__other">
            <span className="visually-hidden">{t.actions.clearOther}</span>
            <input
              id={otherId}
              type="text"
              maxLength={REASON_MAX}
              value={other}
              placeholder={t.actions.clearOther}
              onChange={(event) => setOther(event.target.value)}
              autoFocus
            />
          </label>
        )}
      </fieldset>
      {reason === '' && (
        <p id={hintId} className="clear-picker__hint">
          {t.actions.clearNeedsReason}
        </p>
      )}
      <div className="action-bar__buttons">
        <button
          type="submit"
          className="button button--small button--primary action__button"
          disabled={reason === '' || disabled}
          {...(reason === '' ? { 'aria-describedby': hintId } : {})}
        >
          {t.actions.clearConfirm}
        </button>
        <button type="button" className="button button--small action__button" onClick={onCancel}>
          {t.actions.cancel}
        </button>
      </div>
    </form>
  );
}
