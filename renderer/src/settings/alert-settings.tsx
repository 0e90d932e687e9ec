import { useId } from 'react';
import { useStore } from 'zustand';
import { useAppStores, useMessages } from '../app/app-stores';
import type { AlertPrefs } from '../alerts/alert-prefs';

/**
 * The settings screen's "Critical alerts" section: the desktop notification
 * and the beep, stored with the other UI preferences on this device.
 */
export function AlertSettings() {
  const { prefs } = useAppStores();
  const alerts = useStore(prefs, (state) => state.alerts);
  const { t } = useMessages();
  const hintId = useId();
  const toggle = (key: keyof AlertPrefs) =>
    prefs.getState().setAlertPrefs({ ...alerts, [key]: !alerts[key] });
  return (
    <section className="settings-section" aria-labelledby="settings-alerts">
      <h2 id="settings-alerts">{t.settings.alertsTitle}</h2>
      <label className="settings-choice__option">
        <input type="checkbox" checked={alerts.notify} onChange={() => toggle('notify')} />{' '}
        {t.settings.notify}
      </label>
      <p className="hint">{t.settings.notifyHint}</p>
      <label className="settings-choice__option">
        <input
          type="checkbox"
          checked={alerts.sound}
          aria-describedby={hintId}
          onChange={() => toggle('sound')}
        />{' '}
        {t.settings.sound}
      </label>
      <label className="settings-choice__option">
        <input
          type="checkbox"
          checked={alerts.soundOnWall}
          disabled={!alerts.sound}
          onChange={() => toggle('soundOnWall')}
        />{' '}
        {t.settings.soundOnWall}
      </label>
      <p id={hintId} className="hint">
        {t.settings.soundHint}
      </p>
    </section>
  );
}
