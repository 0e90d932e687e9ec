import type { SequencedEvent } from '../events';
import { BOARD_LIMITS, type BoardState, type FeedEntry } from './board-state';
import { appendBounded } from './board-collections';
import { emptyIdRecord, setOwn } from './id-record';

/** At most this many primitive `data` fields are kept per feed row. */
const FEED_FIELDS = 8;
/** Feed strings are cut to this many characters. */
const FEED_TEXT = 120;

/**
 * The live feed: every event, known type or not, becomes one row of the last
 * `BOARD_LIMITS.feed`, with up to 8 primitive top-level `data` fields for localized
 * rows. Pure.
 * @internal
 */
export function appendToFeed(state: BoardState, record: SequencedEvent): BoardState {
  return { ...state, feed: appendBounded(state.feed, feedEntry(record), BOARD_LIMITS.feed) };
}

function feedEntry(record: SequencedEvent): FeedEntry {
  const fields = emptyIdRecord<string | number>();
  let kept = 0;
  for (const [key, value] of Object.entries(record.event.data)) {
    if (kept >= FEED_FIELDS) break;
    if (typeof value === 'number' && Number.isFinite(value)) setOwn(fields, key, value);
    else if (typeof value === 'string') setOwn(fields, key, value.slice(0, FEED_TEXT));
    else continue;
    kept += 1;
  }
  return {
    seq: record.seq,
    ts: record.ts,
    type: record.event.type,
    id: record.event.id,
    ...(record.event.location ? { location: record.event.location } : {}),
    fields,
  };
}
