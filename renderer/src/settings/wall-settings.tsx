import { useId } from 'react';
import { useStore } from 'zustand';
import { useAppStores, useMessages } from '../app/app-stores';
import { WALL_TEXT_SIZES } from '../stores/prefs-store';

/**
 * The settings screen's "Wall displays" section: the large-type setting,
 * stored with the other UI preferences on this device.
 */
export function WallSettings() {
  const { prefs } = useAppStores();
  const size = useStore(prefs, (state) => state.wallTextSize);
  const { t } = useMessages();
  const hintId = useId();
  return (
    <section className="settings-section" aria-labelledby="settings-wall">
      <h2 id="settings-wall">{t.settings.wallTitle}</h2>
      <fieldset className="settings-choice" aria-describedby={hintId}>
        <legend>{t.settings.textSize}</legend>
        {WALL_TEXT_SIZES.map((option) => (
          <label key={option} className="settings-choice__option">
            <input
              type="radio"
              name="wall-text-size"
              value={option}
              checked={size === option}
              onChange={() => prefs.getState().setWallTextSize(option)}
            />{' '}
            {t.settings.textSizes[option]}
          </label>
        ))}
      </fieldset>
      <p id={hintId} className="hint">
        {t.settings.textSizeHint}
      </p>
    </section>
  );
}
