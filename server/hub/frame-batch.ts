/**
 * The `events` frame: several `event` frames a client would otherwise receive one
 * by one, as `{"type":"events","frames":[F1,F2,...]}` (docs/protocol.md, "events").
 * Built from the shared per-event Buffers by concatenation, never by re-serializing.
 */

import { MAX_EVENTS_PER_BATCH } from '../../protocol/messages';

/** At most this many `event` frames in one `events` frame (the wire contract's bound). */
export const MAX_BATCH_FRAMES = MAX_EVENTS_PER_BATCH;
/**
 * An `events` frame stops growing once its elements reach this many bytes (the
 * frame may exceed it by its last element). A single larger event travels alone.
 */
export const MAX_BATCH_BYTES = 256 * 1024;

const HEAD = Buffer.from('{"type":"events","frames":[');
const COMMA = Buffer.from(',');
const TAIL = Buffer.from(']}');

/**
 * Builds `events` frames for one flush pass. Members of the same tenant usually
 * receive the very same run of shared event Buffers in a pass, so the frame for a
 * run is built once and handed to all of them: the cache is keyed by the run's
 * first Buffer and checked element by element (identity, not content).
 * Create one per flush pass; it holds the pass's frames until it is dropped.
 */
export class BatchEncoder {
  private readonly cache = new Map<Buffer, { run: Buffer[]; frame: Buffer }>();

  /** The `events` frame holding `frames[start..end)` in order; `end - start` ≥ 2. */
  encode(frames: readonly Buffer[], start: number, end: number): Buffer {
    const first = frames[start] as Buffer;
    const hit = this.cache.get(first);
    if (hit && sameRun(hit.run, frames, start, end)) return hit.frame;
    const run = frames.slice(start, end);
    const parts: Buffer[] = [HEAD];
    for (let i = 0; i < run.length; i++) {
      if (i > 0) parts.push(COMMA);
      parts.push(run[i] as Buffer);
    }
    parts.push(TAIL);
    const frame = Buffer.concat(parts);
    this.cache.set(first, { run, frame });
    return frame;
  }
}

function sameRun(run: readonly Buffer[], frames: readonly Buffer[], start: number, end: number) {
  if (run.length !== end - start) return false;
  for (let i = 0; i < run.length; i++) if (run[i] !== frames[start + i]) return false;
  return true;
}

/**
 * End (exclusive) of the batch that starts at `start` within the event run
 * `[start, runEnd)`: bounded by MAX_BATCH_FRAMES and MAX_BATCH_BYTES.
 */
export function batchEnd(frames: readonly Buffer[], start: number, runEnd: number): number {
  let bytes = 0;
  let end = start;
  while (end < runEnd && end - start < MAX_BATCH_FRAMES && bytes < MAX_BATCH_BYTES) {
    bytes += (frames[end] as Buffer).length;
    end += 1;
  }
  return end;
}
