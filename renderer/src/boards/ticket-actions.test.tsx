import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { actionIdSchema, type ActionRequest } from '../../../protocol/actions';
import { BOARD_LIMITS, createBoardState, reduceAll } from '../../../protocol/board';
import type { BoardState } from '../../../protocol/board/board-state';
import type { SequencedEvent } from '../../../protocol/events';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { withoutIsolates } from '../format/bidi-isolate';
import { renderApp, type Harness, type HarnessOptions } from '../testing/render-app';

const MIN = 60_000;
/** These tests click through the whole App; on a loaded CI box that can take longer than the default 5 s. */
const APP_STEPS_TIMEOUT_MS = 20_000;
const TENANT = 'cedar-group';

function placed(seq: number, orderId: string, ts: number): SequencedEvent {
  return {
    seq,
    ts,
    event: {
      type: 'order.placed',
      id: `e${seq}`,
      location: 'beirut-downtown',
      data: {
        orderId,
        channel: 'dine_in',
        items: [{ sku: 'K', name: 'Kibbeh', qty: 2, unitPrice: 500_000 }],
        total: 1_000_000,
        currency: 'LBP',
      },
    },
  };
}

function status(seq: number, orderId: string, to: string, ts: number): SequencedEvent {
  return {
    seq,
    ts,
    event: {
      type: 'order.status',
      id: `e${seq}`,
      location: 'beirut-downtown',
      data: { orderId, status: to },
    },
  };
}

/** o-77 accepted 5 min ago, o-78 ready, and #lost stale (no update past the threshold). */
const kitchen: BoardState = reduceAll(
  createBoardState({ currency: 'LBP', timeZone: 'Asia/Beirut' }),
  [
    placed(1, '#lost', FIXTURE_NOW - BOARD_LIMITS.staleTicketMs - 5 * MIN),
    placed(2, 'o-77', FIXTURE_NOW - 5 * MIN),
    status(3, 'o-77', 'accepted', FIXTURE_NOW - 4 * MIN),
    placed(4, 'o-78', FIXTURE_NOW - 9 * MIN),
    status(5, 'o-78', 'ready', FIXTURE_NOW - MIN),
  ],
);

/** The Orders board of the real App over the fixture host, with the board above as the hub's. */
async function ordersBoard(options: HarnessOptions = {}): Promise<Harness> {
  const app = await renderApp({ hash: `#/t/${TENANT}/orders`, ...options });
  app.host.control.emitBoard({
    kind: 'reset',
    tenant: TENANT,
    state: kitchen,
    seq: kitchen.seq,
    epoch: 'test',
    freshness: 'live',
    asOf: FIXTURE_NOW,
    staleSince: null,
  });
  await app.settle();
  return app;
}

function ticket(orderId: string): HTMLElement {
  return screen.getByText(orderId).closest('li.ticket') as HTMLElement;
}

function laneOf(orderId: string): string | undefined {
  const lane = ticket(orderId).closest('section.lane');
  return [...(lane?.classList ?? [])].find((name) => name.startsWith('lane--'))?.slice(6);
}

/** Text as read, without the bidi isolates around names. */
function text(element: Element): string {
  return withoutIsolates(element.textContent ?? '');
}

function calls(app: Harness): ActionRequest[] {
  return app.host.control.actionCalls as ActionRequest[];
}

describe('ticket actions', { timeout: APP_STEPS_TIMEOUT_MS }, () => {
  it('a read-only user sees no action button on any ticket, stale or live', async () => {
    await ordersBoard({ canOperate: false });
    fireEvent.click(screen.getByRole('button', { name: 'Stale (1)' }));
    const main = document.querySelector('main') as HTMLElement;
    expect(main.querySelectorAll('li.ticket').length).toBe(3);
    expect(main.querySelectorAll('[data-action]')).toHaveLength(0);
    for (const name of ['Start', 'Ready', 'Served', 'Recall', 'Clear…'])
      expect(within(main).queryByRole('button', { name })).toBeNull();
  });

  it('an operator bumps an accepted ticket: it moves to Preparing and says who bumped it', async () => {
    const app = await ordersBoard();
    expect(laneOf('o-77')).toBe('accepted');
    // An accepted ticket has nothing to recall yet; a ready one does.
    expect(within(ticket('o-77')).queryByRole('button', { name: 'Recall' })).toBeNull();
    expect(within(ticket('o-78')).getByRole('button', { name: 'Served' })).toBeTruthy();
    fireEvent.click(within(ticket('o-77')).getByRole('button', { name: 'Start' }));
    await app.settle();
    expect(calls(app)).toEqual([
      { id: calls(app)[0]?.id, tenant: TENANT, action: 'order.bump', target: 'o-77' },
    ]);
    expect(actionIdSchema.safeParse(calls(app)[0]?.id).success).toBe(true);
    expect(laneOf('o-77')).toBe('preparing');
    expect(text(ticket('o-77'))).toContain('Bumped by manager');
    expect(within(ticket('o-77')).getByRole('button', { name: 'Ready' })).toBeTruthy();
    fireEvent.click(within(ticket('o-77')).getByRole('button', { name: 'Recall' }));
    await app.settle();
    expect(laneOf('o-77')).toBe('accepted');
    expect(text(ticket('o-77'))).toContain('Recalled by manager');
    expect(calls(app)[1]?.id).not.toBe(calls(app)[0]?.id);
  });

  it('Clear needs a reason: the stale ticket leaves the board only once one is picked, and Recently closed can bring it back', async () => {
    const app = await ordersBoard();
    fireEvent.click(screen.getByRole('button', { name: 'Stale (1)' }));
    fireEvent.click(within(ticket('#lost')).getByRole('button', { name: 'Clear…' }));
    const confirm = () => within(ticket('#lost')).getByRole('button', { name: 'Clear ticket' });
    expect(confirm()).toHaveProperty('disabled', true);
    expect(ticket('#lost').textContent).toContain('Pick or type a reason.');
    fireEvent.click(within(ticket('#lost')).getByRole('radio', { name: 'Other…' }));
    const field = within(ticket('#lost')).getByRole('textbox', { name: 'Reason' });
    fireEvent.change(field, { target: { value: '   ' } });
    expect(confirm()).toHaveProperty('disabled', true);
    fireEvent.click(confirm());
    expect(calls(app)).toHaveLength(0);
    fireEvent.change(field, { target: { value: 'Customer walked out' } });
    expect(confirm()).toHaveProperty('disabled', false);
    fireEvent.click(confirm());
    await app.settle();
    expect(calls(app)[0]).toMatchObject({
      action: 'order.clear',
      target: '#lost',
      reason: 'Customer walked out',
    });
    expect(screen.queryByText('#lost')).toBeNull();
    expect(document.querySelector('[data-stale-tickets]')).toBeNull();

    const recent = screen.getByRole('button', { name: 'Recently closed (1)' });
    fireEvent.click(recent);
    const row = document.querySelector('[data-order-id="#lost"]') as HTMLElement;
    expect(text(row)).toContain('Cleared by manager — Customer walked out');
    fireEvent.click(within(row).getByRole('button', { name: 'Recall' }));
    await app.settle();
    expect(calls(app)[1]).toMatchObject({ action: 'order.recall', target: '#lost' });
    expect(screen.getByText('#lost')).toBeTruthy();
  });

  it('a preset reason is sent as shown', async () => {
    const app = await ordersBoard();
    fireEvent.click(within(ticket('o-78')).getByRole('button', { name: 'Clear…' }));
    fireEvent.click(within(ticket('o-78')).getByRole('radio', { name: 'Duplicate ticket' }));
    fireEvent.click(within(ticket('o-78')).getByRole('button', { name: 'Clear ticket' }));
    await app.settle();
    expect(calls(app)[0]?.reason).toBe('Duplicate ticket');
    expect(screen.queryByText('o-78')).toBeNull();
  });

  it('while the link is not live every action button is disabled and says why, and nothing is sent', async () => {
    const app = await ordersBoard();
    app.host.control.emitLink({ state: 'reconnecting', since: FIXTURE_NOW, reason: 'stalled' });
    await app.settle();
    const start = within(ticket('o-77')).getByRole('button', { name: 'Start' });
    expect(start).toHaveProperty('disabled', true);
    expect(start.getAttribute('title')).toBe('Not live — actions are off until the link is back');
    expect(ticket('o-77').textContent).toContain(
      'Not live — actions are off until the link is back',
    );
    fireEvent.click(start);
    await app.settle();
    expect(calls(app)).toHaveLength(0);
    app.host.control.emitLink({ state: 'live', since: FIXTURE_NOW, reason: 'welcome' });
    await app.settle();
    expect(within(ticket('o-77')).getByRole('button', { name: 'Start' })).toHaveProperty(
      'disabled',
      false,
    );
    expect(ticket('o-77').textContent).not.toContain('Not live — actions are off');
  });

  it('after action_unconfirmed the ticket offers Retry, which resends the same id once the link is back', async () => {
    const app = await ordersBoard();
    app.host.control.loseNextAck({ applied: false });
    fireEvent.click(within(ticket('o-77')).getByRole('button', { name: 'Start' }));
    await app.settle();
    const failure = within(ticket('o-77')).getByRole('alert');
    expect(failure.textContent).toContain('No answer from the hub. Retry is safe');
    const retry = within(ticket('o-77')).getByRole('button', { name: 'Retry' });
    // The link dropped with the ack: Retry waits for it like every action.
    expect(retry).toHaveProperty('disabled', true);
    app.host.control.emitLink({ state: 'live', since: FIXTURE_NOW, reason: 'welcome' });
    await app.settle();
    fireEvent.click(within(ticket('o-77')).getByRole('button', { name: 'Retry' }));
    await app.settle();
    expect(calls(app)).toHaveLength(2);
    expect(calls(app)[1]).toEqual(calls(app)[0]);
    expect(laneOf('o-77')).toBe('preparing');
  });

  it('when the host call itself fails the ticket says so and offers Retry with the same id', async () => {
    const app = await ordersBoard();
    const perform = app.host.actions.perform;
    const sent: ActionRequest[] = [];
    app.host.actions.perform = async (request) => {
      sent.push(request);
      if (sent.length === 1) throw new Error('IPC channel closed');
      return perform(request);
    };
    fireEvent.click(within(ticket('o-78')).getByRole('button', { name: 'Served' }));
    await app.settle();
    expect(within(ticket('o-78')).getByRole('alert').textContent).toContain(
      'Failed: IPC channel closed',
    );
    fireEvent.click(within(ticket('o-78')).getByRole('button', { name: 'Retry' }));
    await app.settle();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    expect(screen.queryByText('o-78')).toBeNull();
  });

  it('the wall shows no action control and no Recently closed list', async () => {
    const app = await ordersBoard();
    fireEvent.click(within(ticket('o-78')).getByRole('button', { name: 'Served' }));
    await app.settle();
    app.unmount();
    const wall = await ordersBoard({ hash: `#/t/${TENANT}/orders?wall=1` });
    const main = wall.container.querySelector('main') as HTMLElement;
    expect(main.querySelectorAll('button, select, input, a[href]')).toHaveLength(0);
    expect(main.querySelector('[data-recently-closed]')).toBeNull();
  });
});
