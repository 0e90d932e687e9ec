import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useId, useMemo, useRef, useState } from 'react';
import type { AlertRecord, BoardState, FeedEntry } from '../../../protocol/board/board-state';
import { ALERT_SEVERITIES } from '../../../protocol/events';
import { AlertActions } from '../alerts/alert-actions';
import { useMessages } from '../app/app-stores';
import { useLocationName } from '../format/location-names';
import { formatClock } from '../format/number-format';
import type { Messages } from '../i18n/messages-en';
import { useFittingCount } from '../wall/use-fitting-count';
import { feedActionSentence } from './feed-action-sentence';
import { feedFields, feedTypeLabel } from './feed-fields';
import {
  feedFilterOptions,
  filterFeed,
  NO_FEED_FILTER,
  severityOrNull,
  type FeedFilter,
} from './feed-filters';

const ROW_HEIGHT = 44;
/** First guess of wall rows before the list is measured. */
const WALL_ROWS_GUESS = 12;

/**
 * The latest events, newest first, virtualized so only visible rows are in the
 * DOM. Operator actions read as sentences with who did them; an alert row offers
 * Acknowledge and Resolve while the alert is open (desktop, `operate` only). Each value sits in its own `<bdi>`, so Arabic names, Latin ids and
 * numbers keep their order whatever the page direction.
 */
export function FeedBoard({ state, wall = false }: { state: BoardState; wall?: boolean }) {
  if (wall) return <WallFeed state={state} />;
  return <DeskFeed state={state} />;
}

function DeskFeed({ state }: { state: BoardState }) {
  const { t, intl } = useMessages();
  const [filter, setFilter] = useState<FeedFilter>(NO_FEED_FILTER);
  const newestFirst = useMemo(() => [...state.feed].reverse(), [state.feed]);
  const entries = useMemo(() => filterFeed(newestFirst, filter), [newestFirst, filter]);
  const alerts = useAlertsById(state);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => entries[index]?.seq ?? index,
  });
  if (newestFirst.length === 0) return <p className="empty">{t.feed.empty}</p>;
  return (
    <section className="panel feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{t.feed.title}</h2>
      <FeedFilters entries={newestFirst} filter={filter} onChange={setFilter} />
      {entries.length === 0 && <p className="empty">{t.feed.noMatch}</p>}
      <div ref={scrollRef} className="feed__scroll" tabIndex={0} aria-labelledby="feed-title">
        <ol
          className="feed__list"
          style={{ height: virtualizer.getTotalSize() }}
          aria-rowcount={entries.length}
        >
          {virtualizer.getVirtualItems().map((item) => (
            <FeedRow
              key={item.key}
              entry={entries[item.index] as FeedEntry}
              alert={alertOf(entries[item.index] as FeedEntry, alerts)}
              start={item.start}
              timeZone={state.timeZone}
              t={t}
              intl={intl}
            />
          ))}
        </ol>
      </div>
    </section>
  );
}

/** The desktop Feed's filters by type, location and severity; choices come from the recent events. */
function FeedFilters({
  entries,
  filter,
  onChange,
}: {
  entries: readonly FeedEntry[];
  filter: FeedFilter;
  onChange: (next: FeedFilter) => void;
}) {
  const { t } = useMessages();
  const locationName = useLocationName();
  const typeId = useId();
  const locationId = useId();
  const severityId = useId();
  const options = useMemo(() => feedFilterOptions(entries), [entries]);
  return (
    <form
      className="filters"
      onSubmit={(event) => event.preventDefault()}
      aria-label={t.feed.filters}
    >
      <label htmlFor={typeId}>{t.feed.filterType}</label>
      <select
        id={typeId}
        value={filter.type ?? ''}
        onChange={(event) => onChange({ ...filter, type: event.target.value || null })}
      >
        <option value="">{t.feed.all}</option>
        {options.types.map((type) => (
          <option key={type} value={type}>
            {feedTypeLabel(type, t)}
          </option>
        ))}
      </select>
      <label htmlFor={locationId}>{t.feed.filterLocation}</label>
      <select
        id={locationId}
        value={filter.location ?? ''}
        onChange={(event) => onChange({ ...filter, location: event.target.value || null })}
      >
        <option value="">{t.feed.all}</option>
        {options.locations.map((location) => (
          <option key={location} value={location}>
            {locationName(location)}
          </option>
        ))}
      </select>
      <label htmlFor={severityId}>{t.feed.filterSeverity}</label>
      <select
        id={severityId}
        value={filter.severity ?? ''}
        onChange={(event) => onChange({ ...filter, severity: severityOrNull(event.target.value) })}
      >
        <option value="">{t.feed.all}</option>
        {ALERT_SEVERITIES.map((severity) => (
          <option key={severity} value={severity}>
            {t.feed.severities[severity]}
          </option>
        ))}
      </select>
    </form>
  );
}

/**
 * The Feed on a wall display: no scrolling (nobody scrolls a TV), so it lists
 * the newest events that fit whole, and the last row is never cut in half.
 */
function WallFeed({ state }: { state: BoardState }) {
  const { t, intl } = useMessages();
  const entries = useMemo(() => [...state.feed].reverse(), [state.feed]);
  const alerts = useAlertsById(state);
  const [listRef, fits] = useFittingCount<HTMLOListElement>(true, WALL_ROWS_GUESS);
  if (entries.length === 0) return <p className="empty">{t.feed.empty}</p>;
  return (
    <section className="panel feed feed--wall" aria-labelledby="feed-title">
      <h2 id="feed-title">{t.feed.title}</h2>
      <ol className="feed__list feed__list--wall" ref={listRef}>
        {entries.slice(0, fits).map((entry) => (
          <FeedRow
            key={entry.seq}
            entry={entry}
            alert={alertOf(entry, alerts)}
            timeZone={state.timeZone}
            t={t}
            intl={intl}
          />
        ))}
      </ol>
    </section>
  );
}

/** The board's alerts by id (a Map: ids come from input). */
function useAlertsById(state: BoardState): ReadonlyMap<string, AlertRecord> {
  return useMemo(() => new Map(state.alerts.map((alert) => [alert.id, alert])), [state.alerts]);
}

/** The alert a row is about: an alert's own row, or the alert an acknowledge/resolve names. */
function alertOf(
  entry: FeedEntry,
  alerts: ReadonlyMap<string, AlertRecord>,
): AlertRecord | undefined {
  if (entry.type === 'alert') return alerts.get(entry.id);
  const alertId = entry.fields.alertId;
  return entry.type.startsWith('alert.') && typeof alertId === 'string'
    ? alerts.get(alertId)
    : undefined;
}

const FeedRow = memo(function FeedRow({
  entry,
  alert,
  start,
  timeZone,
  t,
  intl,
}: {
  entry: FeedEntry;
  /** The alert this row is about, while the board holds it. */
  alert?: AlertRecord | undefined;
  /** Offset in the virtual list, px; absent for rows in normal flow (the wall). */
  start?: number;
  timeZone: string;
  t: Messages;
  intl: string;
}) {
  const locationName = useLocationName();
  const sentence = feedActionSentence(entry, t, alert?.message);
  const actions = entry.type === 'alert' && alert ? alert : null;
  return (
    <li
      className={`feed__row feed__row--${entry.type.split('.')[0]}${actions ? ' feed__row--actions' : ''}`}
      data-type={entry.type}
      style={
        start === undefined
          ? undefined
          : { transform: `translateY(${start}px)`, height: ROW_HEIGHT }
      }
    >
      <time className="feed__time" dateTime={new Date(entry.ts).toISOString()}>
        {formatClock(entry.ts, intl, timeZone, true)}
      </time>
      <span className="feed__type">{feedTypeLabel(entry.type, t)}</span>
      <bdi className="feed__location">{entry.location ? locationName(entry.location) : ''}</bdi>
      {sentence !== null ? (
        <span className="feed__sentence" data-action-sentence>
          {sentence}
        </span>
      ) : (
        <span className="feed__fields">
          {feedFields(entry, t, intl, locationName).map((field) => (
            <span key={field.key} className="feed__field">
              <span className="feed__key">{field.label}:</span> <bdi>{field.value}</bdi>
            </span>
          ))}
        </span>
      )}
      {actions && <AlertActions alert={actions} className="feed__actions" compact />}
    </li>
  );
});
