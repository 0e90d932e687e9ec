import type { FeedEntry } from '../../../protocol/board/board-state';
import { formatMoney, formatNumber } from '../format/number-format';
import { humanizeId } from '../format/display-name';
import { paymentMethodLabel } from '../format/payment-method';
import type { Messages } from '../i18n/messages-en';

/** One labelled field of a feed row, already localised. */
export interface FeedField {
  key: string;
  label: string;
  value: string;
}

const MONEY_FIELDS = new Set(['total', 'amount']);

/** An event type's label: the dictionary's, else the raw type (custom events keep their name). */
export function feedTypeLabel(type: string, t: Messages): string {
  return t.feed.types[type] ?? type;
}

/**
 * The fields of a feed entry with localised labels and, where the value is one
 * of a known set (status, channel, method, queue, severity) or money, a
 * localised value. Money folds in its currency field. Unknown keys keep their name.
 * A `location` field is named by `locationName` (the directory's name; default: the id made readable).
 */
export function feedFields(
  entry: FeedEntry,
  t: Messages,
  intl: string,
  locationName: (location: string) => string = humanizeId,
): FeedField[] {
  const currency = typeof entry.fields.currency === 'string' ? entry.fields.currency : null;
  const fields: FeedField[] = [];
  for (const [key, raw] of Object.entries(entry.fields)) {
    if (
      key === 'currency' &&
      currency &&
      Object.keys(entry.fields).some((name) => MONEY_FIELDS.has(name))
    )
      continue;
    fields.push({
      key,
      label: t.feed.fields[key] ?? key,
      value: fieldValue(entry.type, key, raw, currency, t, intl, locationName),
    });
  }
  return fields;
}

function fieldValue(
  type: string,
  key: string,
  raw: string | number,
  currency: string | null,
  t: Messages,
  intl: string,
  locationName: (location: string) => string,
): string {
  if (typeof raw === 'number')
    return MONEY_FIELDS.has(key) && currency
      ? formatMoney(raw, currency, intl)
      : formatNumber(raw, intl, 2);
  switch (key) {
    case 'status':
      return (
        (type === 'payment.status'
          ? (t.payments.status as Record<string, string>)[raw]
          : t.feed.orderStatus[raw]) ?? raw
      );
    case 'channel':
      return (t.orders.channel as Record<string, string>)[raw] ?? raw;
    case 'method':
      return paymentMethodLabel(raw, t.payments.methods);
    case 'queue':
      return t.feed.queues[raw] ?? raw;
    case 'severity':
      return t.feed.severities[raw] ?? raw;
    case 'location':
      return locationName(raw);
    default:
      return raw;
  }
}
