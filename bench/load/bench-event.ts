/**
 * The event the publisher sends: a catalog `metric` (protocol/events.ts) whose `value` is the
 * producer's CLOCK_MONOTONIC stamp in µs. `process.hrtime` reads CLOCK_MONOTONIC, which on
 * Linux is one clock for every process of the machine, so a client in another process can
 * subtract it from its own reading. Wall clocks are never compared.
 */
import type { EventInput } from '../../protocol/events';

export const STAMP_METRIC = 'bench.stamp';

/** CLOCK_MONOTONIC now, in µs (a double: exact below 2^53 µs, i.e. 285 years of uptime). */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** One stamped event for the ingest body. */
export function stampedEvent(stampUs: number, location: string, padBytes = 0): EventInput {
  const data = { name: STAMP_METRIC, value: stampUs, unit: 'us' };
  // `metric` data is a loose object: an extra field passes through untouched.
  return {
    type: 'metric',
    location,
    data: padBytes > 0 ? { ...data, pad: 'x'.repeat(padBytes) } : data,
  };
}

/** The producer stamp (µs) of a delivered event, or null for events that carry none. */
export function stampOf(event: unknown): number | null {
  if (typeof event !== 'object' || event === null) return null;
  const { type, data } = event as { type?: unknown; data?: { name?: unknown; value?: unknown } };
  if (type !== 'metric' || data?.name !== STAMP_METRIC) return null;
  return typeof data.value === 'number' ? data.value : null;
}
