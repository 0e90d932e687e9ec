import type { SequencedEvent } from '../../protocol/events';
import type { BoardState } from '../../protocol/board/board-state';

/**
 * Serialization of hub → client frames that are shared between clients. An event is
 * serialized once per tenant; filtered subscriptions splice `"prev"` into that string
 * instead of serializing again (see docs/protocol.md, "Filtered subscriptions").
 */
const EVENT_HEAD = '{"type":"event",';

/** The shared `event` frame for one sequenced event of `tenant`. */
export function eventFrame(tenant: string, record: SequencedEvent): string {
  return `${EVENT_HEAD}"tenant":${JSON.stringify(tenant)},"seq":${record.seq},"ts":${record.ts},"event":${JSON.stringify(record.event)}}`;
}

/** The same frame with `prev` (seq of the previous frame on a filtered subscription) spliced in. */
export function withPrev(frame: string, prev: number): string {
  return `${EVENT_HEAD}"prev":${prev},${frame.slice(EVENT_HEAD.length)}`;
}

export function snapshotFrame(
  tenant: string,
  seq: number,
  epoch: string,
  state: BoardState,
): string {
  return `{"type":"snapshot","tenant":${JSON.stringify(tenant)},"seq":${seq},"epoch":${JSON.stringify(epoch)},"state":${JSON.stringify(state)}}`;
}
