import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBoardState, reduceAll } from '../../../protocol/board';
import type { SequencedEvent } from '../../../protocol/events';
import { FIXTURE_NOW } from '../fixtures/fixture-host';
import { renderApp, type Harness } from '../testing/render-app';
import { DEFAULT_ALERT_PREFS, sanitizeAlertPrefs, shouldBeep } from './alert-prefs';
import { CriticalAlerts } from './critical-alerts';

const MIN = 60_000;

function alertEvent(
  seq: number,
  severity: 'info' | 'warning' | 'critical',
  message: string,
  ts: number,
  location = 'beirut-downtown',
): SequencedEvent {
  return {
    seq,
    ts,
    event: { type: 'alert', id: `al-${seq}`, location, data: { severity, message } },
  };
}

const board = (...events: SequencedEvent[]) =>
  reduceAll(createBoardState({ timeZone: 'Asia/Beirut' }), events);

function banner(): HTMLElement | null {
  return document.querySelector('[data-critical-alerts]');
}

describe('critical alert banner', () => {
  it('shows an active critical alert with its location and age, and nothing for a warning', async () => {
    const state = board(
      alertEvent(1, 'warning', 'Walk-in freezer above -15°C', FIXTURE_NOW - MIN),
      alertEvent(2, 'critical', 'Card terminal offline at the bar', FIXTURE_NOW - 4 * MIN),
    );
    await renderApp({ ui: () => <CriticalAlerts state={state} wall={false} /> });
    expect(banner()?.textContent).toContain('Card terminal offline at the bar');
    expect(banner()?.textContent).toContain('Beirut Downtown · 4 min ago');
    expect(banner()?.textContent).not.toContain('freezer');
  });

  it('renders nothing when only warnings are active', async () => {
    const state = board(alertEvent(1, 'warning', 'Slow kitchen', FIXTURE_NOW - MIN));
    await renderApp({ ui: () => <CriticalAlerts state={state} wall={false} /> });
    expect(banner()).toBeNull();
  });

  it('shows the newest critical alert first, counts the rest, and drops alerts past the 30 min window', async () => {
    const state = board(
      alertEvent(1, 'critical', 'Old outage', FIXTURE_NOW - 31 * MIN),
      alertEvent(2, 'critical', 'Printer offline', FIXTURE_NOW - 9 * MIN),
      alertEvent(3, 'critical', 'Gas leak alarm', FIXTURE_NOW - 2 * MIN),
      alertEvent(4, 'critical', 'Power cut', FIXTURE_NOW - 5 * MIN),
    );
    const app = await renderApp({ ui: () => <CriticalAlerts state={state} wall={false} /> });
    const items = () =>
      [...document.querySelectorAll('.critical-alerts__item')].map((item) =>
        item.getAttribute('data-alert-id'),
      );
    expect(items()).toEqual(['al-3']);
    expect(banner()?.getAttribute('data-critical-alerts')).toBe('3');
    expect(banner()?.textContent).toContain('+2 more');
    expect(banner()?.textContent).not.toContain('Old outage');
    await app.advance(22 * MIN);
    expect(banner()?.getAttribute('data-critical-alerts')).toBe('2');
  });

  it('leaves a slot for the acknowledge control the actions wave adds', async () => {
    const state = board(alertEvent(1, 'critical', 'Power cut', FIXTURE_NOW - MIN));
    await renderApp({
      ui: () => (
        <CriticalAlerts
          state={state}
          wall={false}
          renderAcknowledge={(alert) => <button type="button">Ack {alert.id}</button>}
        />
      ),
    });
    expect(screen.getByRole('button', { name: 'Ack al-1' })).toBeTruthy();
  });

  it('on the wall shows a band over the board with the two newest critical alerts', async () => {
    const state = board(
      alertEvent(1, 'critical', 'Printer offline', FIXTURE_NOW - 9 * MIN),
      alertEvent(2, 'critical', 'Gas leak alarm', FIXTURE_NOW - 2 * MIN),
      alertEvent(3, 'critical', 'Power cut', FIXTURE_NOW - 5 * MIN),
    );
    await renderApp({ ui: () => <CriticalAlerts state={state} wall /> });
    expect(banner()?.className).toContain('critical-alerts--wall');
    expect(document.querySelectorAll('.critical-alerts__item')).toHaveLength(2);
    expect(banner()?.textContent).toContain('+1 more');
  });
});

describe('critical alerts in the console', () => {
  const critical = (seq: number, id: string): SequencedEvent => ({
    seq,
    ts: FIXTURE_NOW,
    event: {
      type: 'alert',
      id,
      location: 'jounieh',
      data: { severity: 'critical', message: `Outage ${id}` },
    },
  });
  const warning = (seq: number, id: string): SequencedEvent => ({
    ...critical(seq, id),
    event: { ...critical(seq, id).event, data: { severity: 'warning', message: 'Slow' } },
  });

  async function emit(app: Harness, ...events: SequencedEvent[]) {
    const base = app.host.control.resetFor('cedar-group').state.seq;
    await act(async () => {
      app.host.control.emitBoard({
        kind: 'events',
        tenant: 'cedar-group',
        events: events.map((event, index) => ({ ...event, seq: base + index + 1 })),
      });
    });
    await app.settle();
  }

  it('every board shows the fixture’s critical alert banner, the wall shows it as a band', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/floor', incidents: true });
    expect(banner()?.textContent).toContain('جهاز الدفع في البار غير متصل');
    fireEvent.click(screen.getByRole('tab', { name: 'Feed' }));
    await app.settle();
    expect(banner()).not.toBeNull();
    window.location.hash = '#/t/cedar-group/orders?wall=1';
    await act(async () => window.dispatchEvent(new HashChangeEvent('hashchange')));
    await app.settle();
    expect(banner()?.className).toContain('critical-alerts--wall');
  });

  it('sends one desktop notification per new critical alert, none for history or warnings', async () => {
    const app = await renderApp({ hash: '#/t/cedar-group/overview', incidents: true });
    expect(app.host.control.notifications).toEqual([]);
    await emit(app, critical(1, 'new-1'), warning(2, 'warn-1'));
    expect(app.host.control.notifications).toEqual([
      {
        title: 'Critical alert · Cedar Group',
        body: 'Outage new-1 (Jounieh Corniche)',
        tag: 'cedar-group:new-1',
      },
    ]);
    await emit(app, warning(3, 'warn-2'));
    expect(app.host.control.notifications).toHaveLength(1);
    await emit(app, critical(4, 'new-2'));
    expect(app.host.control.notifications.map((n) => n.tag)).toEqual([
      'cedar-group:new-1',
      'cedar-group:new-2',
    ]);
  });

  it('sends no notification once the operator turned them off in Settings', async () => {
    const app = await renderApp({ hash: '#/settings' });
    const box = screen.getByRole('checkbox', { name: 'Show a desktop notification' });
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    expect(app.stores.prefs.getState().alerts.notify).toBe(false);
    window.location.hash = '#/t/cedar-group/overview';
    await act(async () => window.dispatchEvent(new HashChangeEvent('hashchange')));
    await app.settle();
    await emit(app, critical(1, 'quiet-1'));
    expect(banner()?.textContent).toContain('Outage quiet-1');
    expect(app.host.control.notifications).toEqual([]);
  });

  it('counts active alerts per severity on the Overview tile', async () => {
    await renderApp({ hash: '#/t/cedar-group/overview', incidents: true });
    const tile = document.querySelector('.kpi--alerts') as HTMLElement;
    expect(within(tile).getByText('Active alerts, last 30 min')).toBeTruthy();
    const counts = JSON.parse(
      tile.querySelector('[data-alert-counts]')?.getAttribute('data-alert-counts') ?? '{}',
    ) as Record<string, number>;
    expect(counts.critical).toBeGreaterThanOrEqual(1);
    expect(counts.warning).toBeGreaterThanOrEqual(1);
    expect(tile.textContent).toContain(`Critical ${counts.critical}`);
  });
});

describe('alert preferences', () => {
  it('beep on desktop windows by default, and on the wall only when allowed', () => {
    expect(shouldBeep(DEFAULT_ALERT_PREFS, false)).toBe(true);
    expect(shouldBeep(DEFAULT_ALERT_PREFS, true)).toBe(false);
    expect(shouldBeep({ ...DEFAULT_ALERT_PREFS, soundOnWall: true }, true)).toBe(true);
    expect(shouldBeep({ ...DEFAULT_ALERT_PREFS, sound: false, soundOnWall: true }, true)).toBe(
      false,
    );
  });

  it('fall back to the defaults for anything stored that is not a boolean', () => {
    expect(sanitizeAlertPrefs({ notify: 'no', sound: false })).toEqual({
      ...DEFAULT_ALERT_PREFS,
      sound: false,
    });
    expect(sanitizeAlertPrefs(null)).toEqual(DEFAULT_ALERT_PREFS);
  });
});
