/**
 * Number, money and time formatting with Intl. Formatters are cached per
 * locale and options because creating them is far slower than using them.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** Formats a plain count or measure. */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  return numberFormat(locale, { maximumFractionDigits }).format(value);
}

export function formatPercent(ratio: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/**
 * Formats money held in minor units. The number of minor digits is the one Intl
 * uses for the currency (LBP and JPY: 0, USD and AED: 2, KWD: 3), so an LBP
 * amount of 1350000 shows as 1,350,000 and a USD amount of 1250 as 12.50.
 * An invalid currency code falls back to a plain number with the code.
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  let format: Intl.NumberFormat;
  try {
    format = numberFormat(locale, { style: 'currency', currency });
  } catch {
    // Not an ISO-4217 code Intl knows: show the raw amount rather than failing the board.
    return `${formatNumber(amountMinor, locale)} ${currency}`;
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/**
 * Wall-clock time in the tenant's zone, 24-hour, e.g. 14:32. Without a zone it
 * is the device's; pass `namedZone` to say which ("14:32 GMT+3") wherever the
 * reader might take it for the tenant's.
 */
export function formatClock(
  epochMs: number,
  locale: string,
  timeZone: string | undefined,
  seconds = false,
  namedZone = false,
): string {
  return dateFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
    ...(namedZone ? { timeZoneName: 'short' } : {}),
  }).format(epochMs);
}

/** A duration as m:ss (or h:mm:ss past an hour), for ticket ages that tick every second. */
export function formatDuration(ms: number, locale: string): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) =>
    numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false }).format(n);
  const one = (n: number) => numberFormat(locale, { useGrouping: false }).format(n);
  return hours > 0
    ? `${one(hours)}:${two(minutes)}:${two(seconds)}`
    : `${one(minutes)}:${two(seconds)}`;
}
