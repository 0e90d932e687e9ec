import type { SequencedEvent } from '../../protocol/events';
import type { BoardState } from '../../protocol/board/board-state';

/**
 * Serialization of hub → client frames that are shared between clients. An event is
 * serialized and UTF-8 encoded once per tenant; every member is handed the same
 * Buffer, so `ws` neither re-encodes nor copies it. Filtered subscriptions splice
 * `"prev"` into those bytes instead of serializing again (see docs/protocol.md,
 * "Filtered subscriptions").
 */
const EVENT_HEAD = '{"type":"event",';
const EVENT_HEAD_BYTES = Buffer.byteLength(EVENT_HEAD);

/** The shared `event` frame for one sequenced event of `tenant`, as UTF-8 JSON. */
export function eventFrame(tenant: string, record: SequencedEvent): Buffer {
  return Buffer.from(
    `${EVENT_HEAD}"tenant":${JSON.stringify(tenant)},"seq":${record.seq},"ts":${record.ts},"event":${JSON.stringify(record.event)}}`,
  );
}

/** The same frame with `prev` (seq of the previous frame on a filtered subscription) spliced in. */
export function withPrev(frame: Buffer, prev: number): Buffer {
  return Buffer.concat([
    Buffer.from(`${EVENT_HEAD}"prev":${prev},`),
    frame.subarray(EVENT_HEAD_BYTES),
  ]);
}

export function snapshotFrame(
  tenant: string,
  seq: number,
  epoch: string,
  state: BoardState,
): string {
  return `{"type":"snapshot","tenant":${JSON.stringify(tenant)},"seq":${seq},"epoch":${JSON.stringify(epoch)},"state":${JSON.stringify(state)}}`;
}
