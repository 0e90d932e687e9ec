import { useStore } from 'zustand';
import { useAppStores } from '../app/app-stores';
import { messagesFor } from '../i18n/locale';
import type { Locale } from '../stores/prefs-store';

const NAMES: Record<Locale, string> = { en: 'English', ar: 'العربية' };

/** Visible language switcher; each option is named in its own language so anyone can find theirs. */
export function LanguageSwitcher() {
  const { prefs } = useAppStores();
  const locale = useStore(prefs, (state) => state.locale);
  const setLocale = useStore(prefs, (state) => state.setLocale);
  return (
    <div className="lang" role="group" aria-label={`${messagesFor(locale).language} / Language`}>
      {(Object.keys(NAMES) as Locale[]).map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="button button--small"
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {NAMES[option]}
        </button>
      ))}
    </div>
  );
}
