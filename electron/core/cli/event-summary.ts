import { isActionEventType } from '../../../protocol/actions';
import { asKnownEvent, type OpsEvent } from '../../../protocol/events';

/** What the summary knows about the tenant, learnt from its snapshot. */
export interface SummaryContext {
  /** IANA zone of the tenant's board; the machine's own zone when unknown. */
  timeZone?: string;
}

const MAX_ITEMS_SHOWN = 3;
const MAX_FIELD_CHARS = 80;

/**
 * Producer text reaches a terminal: C0/C1 controls (ANSI escapes) and bidi
 * overrides could rewrite or hide what is on screen, so they become U+FFFD.
 */
function clean(text: string, max = MAX_FIELD_CHARS): string {
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

/**
 * A machine id made readable (`dubai-marina` → "Dubai Marina"); ids that already
 * read as names or carry digits stay as they are. Mirrors the renderer's `humanizeId`.
 */
export function readableId(id: string): string {
  const trimmed = clean(id.trim());
  if (!/^[a-z]+(?:[-_.][a-z]+)*$/.test(trimmed)) return trimmed;
  return trimmed
    .split(/[-_.]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Money in minor units with the currency's own minor digits: `AED 84.00`, `LBP 1,350,000`. */
export function formatMinorUnits(amountMinor: number, currency: string): string {
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {
    return `${clean(currency)} ${amountMinor}`;
  }
  const value = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amountMinor / 10 ** digits);
  return `${currency} ${value}`;
}

/** `HH:MM:SS`, 24-hour, in `timeZone` (the machine's zone when it is missing or invalid). */
export function formatTime(epochMs: number, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).format(epochMs);
  } catch {
    return new Intl.DateTimeFormat('en-GB', options).format(epochMs);
  }
}

function quantity(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

/**
 * An operator action: its target, who acted (and through which producer token, for an
 * ingested one) and a clear's reason, e.g. `o-77 by alice: lost status event`.
 */
function describeAction(event: OpsEvent): string | null {
  const alert = asKnownEvent(event, 'alert.acknowledged') ?? asKnownEvent(event, 'alert.resolved');
  const order = asKnownEvent(event, 'order.bumped') ?? asKnownEvent(event, 'order.recalled');
  const cleared = asKnownEvent(event, 'order.cleared');
  const data = alert ?? order ?? cleared;
  if (!data) return null;
  const target = alert?.alertId ?? order?.orderId ?? cleared?.orderId ?? '';
  const via = data.via ? ` via ${clean(data.via)}` : '';
  const reason = cleared ? `: ${clean(cleared.reason)}` : '';
  return `${clean(target)} by ${clean(data.by)}${via}${reason}`;
}

/** The type-specific middle of a line: headline first, then details, joined with " · ". */
function describe(event: OpsEvent, location: string | undefined): string[] {
  const action = isActionEventType(event.type) ? describeAction(event) : null;
  if (action) return [action, ...(location ? [location] : [])];
  const order = asKnownEvent(event, 'order.placed');
  if (order) {
    const shown = order.items
      .slice(0, MAX_ITEMS_SHOWN)
      .map((i) => `${i.qty}× ${clean(i.name, 40)}`);
    const more = order.items.length - shown.length;
    const items = shown.join(', ') + (more > 0 ? ` +${more} more` : '');
    return [
      `${clean(order.orderId)} ${formatMinorUnits(order.total, order.currency)}`,
      ...(location ? [location] : []),
      order.channel.replace('_', '-'),
      ...(items ? [items] : []),
    ];
  }
  const status = asKnownEvent(event, 'order.status');
  if (status) {
    const reason = typeof status.reason === 'string' ? [clean(status.reason)] : [];
    return [
      `${clean(status.orderId)} ${status.status}`,
      ...(location ? [location] : []),
      ...reason,
    ];
  }
  const seated = asKnownEvent(event, 'table.seated');
  if (seated) {
    const covers = `${seated.covers} ${seated.covers === 1 ? 'cover' : 'covers'}`;
    return [`table ${clean(seated.tableId)} seated, ${covers}`, ...(location ? [location] : [])];
  }
  const cleared = asKnownEvent(event, 'table.cleared');
  if (cleared) return [`table ${clean(cleared.tableId)} cleared`, ...(location ? [location] : [])];
  const payment = asKnownEvent(event, 'payment.status');
  if (payment) {
    return [
      `${payment.status} ${formatMinorUnits(payment.amount, payment.currency)}`,
      ...(location ? [location] : []),
      clean(payment.method),
      ...(payment.reason ? [clean(payment.reason)] : []),
    ];
  }
  const stock = asKnownEvent(event, 'inventory.level');
  if (stock) {
    const unit = stock.unit ? ` ${clean(stock.unit, 20)}` : '';
    const level = stock.qty === 0 ? 'OUT' : stock.qty <= stock.threshold ? 'LOW' : 'ok';
    return [
      `${clean(stock.name)} ${quantity(stock.qty)}${unit} ${level} (threshold ${quantity(stock.threshold)}${unit})`,
      ...(location ? [location] : []),
    ];
  }
  const queue = asKnownEvent(event, 'queue.length');
  if (queue)
    return [`${queue.queue.replace('_', '-')} ${queue.length}`, ...(location ? [location] : [])];
  const metric = asKnownEvent(event, 'metric');
  if (metric) {
    const unit = metric.unit ? ` ${clean(metric.unit, 20)}` : '';
    const labels = Object.entries(metric.labels ?? {})
      .map(([k, v]) => `${clean(k, 40)}=${clean(v, 40)}`)
      .join(' ');
    return [
      `${clean(metric.name)} ${quantity(metric.value)}${unit}`,
      ...(location ? [location] : []),
      ...(labels ? [labels] : []),
    ];
  }
  const alert = asKnownEvent(event, 'alert');
  if (alert)
    return [
      `${alert.severity.toUpperCase()} ${clean(alert.message, 200)}`,
      ...(location ? [location] : []),
    ];
  return [...(location ? [location] : []), ...otherFields(event.data)];
}

/** Up to 6 primitive `data` fields as key=value, for types outside the catalog. */
function otherFields(data: Record<string, unknown>): string[] {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (fields.length === 6) break;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields.push(`${clean(key, 40)}=${clean(String(value), 60)}`);
  }
  return fields.length > 0 ? [fields.join(' ')] : [];
}

/**
 * One line for one delivered event, e.g.
 * `12:04:31 payment.status captured AED 84.00 · Dubai Marina · card`.
 * `ts` is the hub's acceptance time (epoch ms), shown in the tenant's zone.
 * Pure; never throws. Producer text is stripped of terminal controls.
 */
export function summarizeEvent(event: OpsEvent, ts: number, context: SummaryContext = {}): string {
  const location = event.location ? readableId(event.location) : undefined;
  const parts = describe(event, location);
  const head = `${formatTime(ts, context.timeZone)} ${event.type}`;
  return parts.length > 0 ? `${head} ${parts.join(' · ')}` : head;
}
