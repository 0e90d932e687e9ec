/**
 * Durations in configuration: a bare number is seconds (`900`), or a number with
 * a unit suffix: `ms`, `s`, `m`, `h`, `d` (`15m`, `3s`, `250ms`).
 */
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration into milliseconds.
 * @returns milliseconds, or null when the text is not a duration.
 */
export function parseDurationMs(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]);
  const unit = match[2] ?? 's';
  const ms = Math.round(value * (UNIT_MS[unit] ?? 1000));
  return Number.isSafeInteger(ms) ? ms : null;
}
