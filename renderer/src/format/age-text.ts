import type { Messages } from '../i18n/messages-en';
import { formatNumber } from './number-format';

/** "just now", "42 s ago", "3 min ago", "2 h ago": how old a snapshot is, for banners. */
export function ageText(ageMs: number, messages: Messages, locale: string): string {
  const seconds = Math.max(0, Math.floor(ageMs / 1000));
  if (seconds < 5) return messages.age.justNow;
  if (seconds < 60) return messages.age.seconds(formatNumber(seconds, locale));
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return messages.age.minutes(formatNumber(minutes, locale));
  return messages.age.hours(formatNumber(Math.floor(minutes / 60), locale));
}
