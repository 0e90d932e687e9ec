import { monotonicUs } from './bench-event';
import { emptyHistogram, record, type LatencyHistogram } from './latency-histogram';

/**
 * Where a generator process records latencies: the current time slice's histogram while
 * measuring, nowhere during warm-up and drain. The parent cuts a run into slices to show
 * whether p99 grows with the run's length.
 */
export class LatencySink {
  private current: LatencyHistogram | null = null;
  readonly slices: LatencyHistogram[] = [];

  /** Starts a new slice (and measuring, if it was off). */
  startSlice(): void {
    this.current = emptyHistogram();
    this.slices.push(this.current);
  }

  /** Stops recording; later deliveries (the drain) still count for continuity, not latency. */
  stop(): void {
    this.current = null;
  }

  record(us: number): void {
    if (this.current) record(this.current, us);
  }

  /** Deliveries recorded while measuring. */
  recorded(): number {
    return this.slices.reduce((sum, slice) => sum + slice.count, 0);
  }
}

/** The clock latencies are measured on: CLOCK_MONOTONIC, µs. */
export const latencyNow = monotonicUs;
