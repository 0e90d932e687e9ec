import { useState } from 'react';
import { useStore } from 'zustand';
import type { UpdateStatus } from '../../../protocol/bridge/update-status';
import { useAppStores, useMessages } from '../app/app-stores';
import { formatClock } from '../format/number-format';
import type { Messages } from '../i18n/messages-en';

/** The sentence for the current state (what is happening, or why nothing is). */
export function updateHeadline(status: UpdateStatus, t: Messages): string {
  const u = t.updates;
  switch (status.state) {
    case 'checking':
      return u.checking;
    case 'downloading':
      return u.downloading(status.availableVersion ?? '', String(status.percent ?? 0));
    case 'ready':
      return u.ready(status.availableVersion ?? '');
    case 'available':
      return u.availableForIt(status.availableVersion ?? '');
    default:
      return u.reasons[status.reason];
  }
}

/**
 * The settings screen's "Updates" section: version, channel, state and, where
 * they apply, "Check now" and "Restart to update". Everything is decided by
 * the host; this only shows it.
 */
export function UpdateSettings() {
  const { updates, bridge } = useAppStores();
  const status = useStore(updates, (view) => view.status);
  const { t, intl } = useMessages();
  const [busy, setBusy] = useState(false);
  if (!status) return null;
  const canCheck = ![
    'off',
    'not-applicable',
    'checking',
    'downloading',
    'ready',
    'available',
  ].includes(status.state);
  const canRestart = status.state === 'ready' && status.installBy === 'app';
  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    action()
      .catch((error: unknown) => console.warn('[ops-console] update action failed', error))
      .finally(() => setBusy(false));
  };
  return (
    <section
      className="settings-section"
      aria-labelledby="settings-updates"
      data-update-state={status.state}
    >
      <h2 id="settings-updates">{t.updates.title}</h2>
      {status.policyProblem && (
        <p role="alert" className="inline-error">
          {t.updates.policyProblem(status.policyProblem)}
        </p>
      )}
      <p className="settings-section__lead">{updateHeadline(status, t)}</p>
      {status.state === 'error' && status.error && (
        <p className="inline-error">{status.error.message}</p>
      )}
      <dl className="settings-facts">
        <dt>{t.updates.version(status.currentVersion)}</dt>
        {status.channel && <dd>{t.updates.channel(t.updates.channels[status.channel])}</dd>}
        {status.managed && <dd>{t.updates.managed}</dd>}
        {status.checkedAt !== undefined && (
          <dd>{t.updates.lastChecked(formatClock(status.checkedAt, intl, undefined))}</dd>
        )}
      </dl>
      <div className="settings-actions">
        {canCheck && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => run(() => bridge.updates.check())}
          >
            {t.updates.checkNow}
          </button>
        )}
        {canRestart && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => run(() => bridge.updates.restartToUpdate())}
          >
            {t.updates.restart}
          </button>
        )}
      </div>
    </section>
  );
}
