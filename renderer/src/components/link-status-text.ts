import type { LinkState, LinkStatus } from '../../../protocol/link/link-state';
import type { Messages } from '../i18n/messages-en';
import { formatNumber } from '../format/number-format';

/** The four states a person needs to tell apart; the stable value of `data-link-state`. */
export type ShownLinkState = 'live' | 'reconnecting' | 'offline' | 'auth_required';

/** Maps the link's seven states onto the four shown: idle/connecting read as reconnecting, stopped as offline. */
export function shownLinkState(state: LinkState | undefined): ShownLinkState {
  switch (state) {
    case 'live':
      return 'live';
    case 'offline':
    case 'stopped':
      return 'offline';
    case 'auth_required':
      return 'auth_required';
    default:
      return 'reconnecting';
  }
}

/** Headline word(s) for a shown state, e.g. "Reconnecting". */
export function linkHeadline(shown: ShownLinkState, t: Messages): string {
  switch (shown) {
    case 'live':
      return t.link.live;
    case 'offline':
      return t.link.offline;
    case 'auth_required':
      return t.link.authRequired;
    default:
      return t.link.reconnecting;
  }
}

/** "attempt 3, next try in 4 s" while reconnecting; empty otherwise. */
export function reconnectDetail(
  status: LinkStatus | null,
  now: number,
  t: Messages,
  locale: string,
): string {
  if (!status || status.state !== 'reconnecting') return '';
  const parts: string[] = [];
  if (status.attempt) parts.push(t.link.attempt(formatNumber(status.attempt, locale)));
  if (status.nextRetryAt) {
    const seconds = Math.ceil((status.nextRetryAt - now) / 1000);
    parts.push(seconds > 0 ? t.link.nextTry(formatNumber(seconds, locale)) : t.link.tryingNow);
  }
  return parts.join(', ');
}
