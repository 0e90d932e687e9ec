import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import type { FeedEntry } from '../../../protocol/board/board-state';
import { renderApp } from '../testing/render-app';
import { feedFilterOptions, filterFeed, NO_FEED_FILTER } from './feed-filters';

const entry = (seq: number, type: string, location: string, severity?: string): FeedEntry => ({
  seq,
  ts: 0,
  type,
  id: `e${seq}`,
  location,
  fields: severity ? { severity, message: 'm' } : {},
});

const entries = [
  entry(3, 'alert', 'byblos', 'critical'),
  entry(2, 'alert', 'jounieh', 'warning'),
  entry(1, 'order.placed', 'byblos'),
];

afterEach(() => vi.restoreAllMocks());

describe('feed filters', () => {
  it('keep entries matching type, location and severity together', () => {
    expect(filterFeed(entries, NO_FEED_FILTER)).toEqual(entries);
    expect(
      filterFeed(entries, { ...NO_FEED_FILTER, location: 'byblos' }).map((e) => e.seq),
    ).toEqual([3, 1]);
    expect(
      filterFeed(entries, { ...NO_FEED_FILTER, severity: 'warning' }).map((e) => e.seq),
    ).toEqual([2]);
    expect(filterFeed(entries, { type: 'alert', location: 'byblos', severity: 'warning' })).toEqual(
      [],
    );
    expect(feedFilterOptions(entries)).toEqual({
      types: ['alert', 'order.placed'],
      locations: ['byblos', 'jounieh'],
    });
  });

  it('on the desktop Feed narrow the rows to critical alerts, and the wall Feed has no controls', async () => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
    const app = await renderApp({ hash: '#/t/cedar-group/feed' });
    const seq = app.host.control.resetFor('cedar-group').state.seq;
    const alert = (offset: number, severity: string) => ({
      seq: seq + offset,
      ts: FIXTURE_NOW,
      event: {
        type: 'alert',
        id: `filter-${offset}`,
        location: 'byblos',
        data: { severity, message: `${severity} test` },
      },
    });
    await act(async () =>
      app.host.control.emitBoard({
        kind: 'events',
        tenant: 'cedar-group',
        events: [alert(1, 'critical'), alert(2, 'warning')],
      }),
    );
    await app.settle();
    const rows = () => [...document.querySelectorAll('.feed__row')];
    expect(rows().length).toBeGreaterThan(2);
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'critical' } });
    await app.settle();
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.getAttribute('data-type')).toBe('alert');
    expect(rows()[0]?.textContent).toContain('critical test');
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'order.placed' } });
    await app.settle();
    expect(rows()).toHaveLength(0);
    expect(screen.getByText('No recent events match these filters.')).toBeTruthy();
    app.unmount();
    await renderApp({ hash: '#/t/cedar-group/feed?wall=1', incidents: true });
    expect(screen.queryByLabelText('Severity')).toBeNull();
    expect(document.querySelectorAll('.feed__row').length).toBeGreaterThan(0);
  });
});
