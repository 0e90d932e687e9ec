import { fireEvent, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActionRequest } from '../../../protocol/actions';
import { createBoardState, reduceAll } from '../../../protocol/board';
import type { BoardState } from '../../../protocol/board/board-state';
import type { SequencedEvent } from '../../../protocol/events';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { withoutIsolates } from '../format/bidi-isolate';
import { renderApp, type Harness, type HarnessOptions } from '../testing/render-app';

const MIN = 60_000;
/** These tests click through the whole App; on a loaded CI box that can take longer than the default 5 s. */
const APP_STEPS_TIMEOUT_MS = 20_000;

// The Feed is virtualised: give its scroll box a size so jsdom renders rows.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
});
afterEach(() => vi.restoreAllMocks());
const TENANT = 'cedar-group';

function event(seq: number, type: string, data: Record<string, unknown>, id = `e${seq}`) {
  return {
    seq,
    ts: FIXTURE_NOW - (10 - seq) * MIN,
    event: { type, id, location: 'beirut-downtown', data },
  } satisfies SequencedEvent;
}

const critical = event(
  1,
  'alert',
  { severity: 'critical', message: 'Card terminal offline at the bar' },
  'al-bar',
);

async function openBoard(
  board: string,
  state: BoardState,
  options: HarnessOptions = {},
): Promise<Harness> {
  const app = await renderApp({ hash: `#/t/${TENANT}/${board}`, ...options });
  app.host.control.emitBoard({
    kind: 'reset',
    tenant: TENANT,
    state,
    seq: state.seq,
    epoch: 'test',
    freshness: 'live',
    asOf: FIXTURE_NOW,
    staleSince: null,
  });
  await app.settle();
  return app;
}

const board = (...events: SequencedEvent[]) =>
  reduceAll(createBoardState({ timeZone: 'Asia/Beirut', currency: 'LBP' }), events);

function banner(): HTMLElement | null {
  return document.querySelector('[data-critical-alerts]');
}

function feedSentences(): string[] {
  return [...document.querySelectorAll('[data-action-sentence]')].map((row) =>
    withoutIsolates(row.textContent ?? ''),
  );
}

describe('alert actions', { timeout: APP_STEPS_TIMEOUT_MS }, () => {
  it('Acknowledge on the critical banner sends the alert id and the banner goes; the Feed says who did it', async () => {
    const app = await openBoard('feed', board(critical));
    const button = within(banner() as HTMLElement).getByRole('button', { name: 'Acknowledge' });
    fireEvent.click(button);
    await app.settle();
    expect(app.host.control.actionCalls as ActionRequest[]).toMatchObject([
      { tenant: TENANT, action: 'alert.acknowledge', target: 'al-bar' },
    ]);
    expect(banner()).toBeNull();
    expect(feedSentences()).toEqual(['manager acknowledged: Card terminal offline at the bar']);
    // Still open: the alert's own Feed row now offers only Resolve.
    const row = document.querySelector('.feed__row[data-type="alert"]') as HTMLElement;
    expect(within(row).queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Resolve' }));
    await app.settle();
    expect(feedSentences()[0]).toBe('manager resolved: Card terminal offline at the bar');
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('a read-only user sees the banner without any button', async () => {
    await openBoard('feed', board(critical), { canOperate: false });
    expect(banner()?.textContent).toContain('Card terminal offline at the bar');
    expect(within(banner() as HTMLElement).queryByRole('button')).toBeNull();
    const main = document.querySelector('main') as HTMLElement;
    expect(main.querySelectorAll('[data-action]')).toHaveLength(0);
  });

  it('while the link is not live Acknowledge is disabled and the banner says why', async () => {
    const app = await openBoard('overview', board(critical));
    app.host.control.emitLink({ state: 'offline', since: FIXTURE_NOW, reason: 'network down' });
    await app.settle();
    const button = within(banner() as HTMLElement).getByRole('button', { name: 'Acknowledge' });
    expect(button).toHaveProperty('disabled', true);
    expect(banner()?.textContent).toContain('Not live — actions are off until the link is back');
  });

  it('on the wall the band has no button', async () => {
    await openBoard('orders', board(critical), { hash: `#/t/${TENANT}/orders?wall=1` });
    expect(banner()?.textContent).toContain('Card terminal offline at the bar');
    expect(within(banner() as HTMLElement).queryByRole('button')).toBeNull();
  });
});

describe('Feed action sentences', { timeout: APP_STEPS_TIMEOUT_MS }, () => {
  it('names who acted and what, with the reason of a clear and the producer of an ingested action', async () => {
    const order = event(2, 'order.placed', {
      orderId: 'o-77',
      channel: 'dine_in',
      items: [{ name: 'Kibbeh', qty: 1, unitPrice: 500_000 }],
      total: 500_000,
      currency: 'LBP',
    });
    await openBoard(
      'feed',
      board(
        critical,
        order,
        event(3, 'alert.acknowledged', { alertId: 'al-bar', by: 'alice', actionId: 'a-0000001' }),
        event(4, 'order.bumped', { orderId: 'o-77', by: 'alice', actionId: 'a-0000002' }),
        event(5, 'order.bumped', { orderId: 'o-77', by: 'sam', via: 'pos-cedar' }),
        event(6, 'order.cleared', { orderId: 'o-77', by: 'alice', reason: 'Duplicate ticket' }),
        event(7, 'alert.resolved', { alertId: 'al-gone', by: 'bob' }),
        // A producer may say which status the ticket moved to; the sentence then names it.
        event(8, 'order.recalled', { orderId: 'o-77', by: 'alice', status: 'ready' }),
      ),
    );
    expect(feedSentences()).toEqual([
      'alice recalled o-77 to Ready',
      'bob resolved: al-gone',
      'alice cleared o-77 — Duplicate ticket',
      'sam bumped o-77 (via pos-cedar)',
      'alice bumped o-77',
      'alice acknowledged: Card terminal offline at the bar',
    ]);
    const types = [...document.querySelectorAll('.feed__row .feed__type')].map(
      (type) => type.textContent,
    );
    expect(types.filter((type) => type === 'Ticket bumped')).toHaveLength(2);
  });

  it('reads in Arabic with the names kept apart from the sentence', async () => {
    const app = await openBoard(
      'feed',
      board(critical, event(2, 'alert.acknowledged', { alertId: 'al-bar', by: 'alice' })),
    );
    app.stores.prefs.getState().setLocale('ar');
    await app.settle();
    const sentence = document.querySelector('[data-action-sentence]')?.textContent ?? '';
    expect(sentence).toBe(
      '\u2068alice\u2069 اطّلع على التنبيه: \u2068Card terminal offline at the bar\u2069',
    );
  });
});
