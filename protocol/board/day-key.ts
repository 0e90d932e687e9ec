const formatters = new Map<string, Intl.DateTimeFormat>();

/** Tenant-local calendar day of an instant, as `YYYY-MM-DD`. */
export function dayKeyOf(epochMs: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD, which sorts and compares as text.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(epochMs));
}
