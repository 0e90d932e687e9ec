import type { Locale } from '../stores/prefs-store';
import { ar } from './messages-ar';
import { en, type Messages } from './messages-en';

/** The dictionary for a locale. */
export function messagesFor(locale: Locale): Messages {
  return locale === 'ar' ? ar : en;
}

/** Text direction of a locale. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * BCP 47 tag handed to Intl. Arabic uses Latin digits (`nu-latn`) as Lebanese
 * receipts and POS screens do; the currency symbol and separators stay Arabic.
 */
export function intlLocaleOf(locale: Locale): string {
  return locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB';
}

/** Sets `<html lang dir>` so the whole document, scrollbars included, flips for Arabic. */
export function applyDocumentLocale(
  locale: Locale,
  root: HTMLElement = document.documentElement,
): void {
  root.lang = locale;
  root.dir = directionOf(locale);
}
