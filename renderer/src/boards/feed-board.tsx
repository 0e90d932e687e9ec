import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { BoardState, FeedEntry } from '../../../protocol/board/board-state';
import { useMessages } from '../app/app-stores';
import { formatClock } from '../format/number-format';

const ROW_HEIGHT = 44;

/** The latest events, newest first, virtualized so only visible rows are in the DOM. */
export function FeedBoard({ state }: { state: BoardState }) {
  const { t, intl } = useMessages();
  const entries = [...state.feed].reverse();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => entries[index]?.seq ?? index,
  });
  if (entries.length === 0) return <p className="empty">{t.feed.empty}</p>;
  return (
    <section className="panel feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{t.feed.title}</h2>
      <div ref={scrollRef} className="feed__scroll" tabIndex={0} aria-labelledby="feed-title">
        <ol className="feed__list" style={{ height: virtualizer.getTotalSize() }} aria-rowcount={entries.length}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = entries[item.index] as FeedEntry;
            return (
              <li key={item.key} className={`feed__row feed__row--${entry.type.split('.')[0]}`} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <time className="feed__time" dateTime={new Date(entry.ts).toISOString()}>
                  {formatClock(entry.ts, intl, state.timeZone, true)}
                </time>
                <span className="feed__type">{entry.type}</span>
                <span className="feed__location">{entry.location ?? ''}</span>
                <span className="feed__fields">{describe(entry)}</span>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}

function describe(entry: FeedEntry): string {
  return Object.entries(entry.fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join(' · ');
}
