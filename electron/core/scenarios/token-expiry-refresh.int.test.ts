import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubProcess } from '../../../test-support/hub-process';
import { runRecordedLink, startScenarioHub, waitFor } from '../../../test-support/link-recorder';

describe('short token lifetimes (3 s TTL over 20 s with events flowing)', () => {
  let hub: HubProcess;
  beforeAll(async () => {
    hub = await startScenarioHub({ tokenTtl: '3s' });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('renews in-band again and again with no reconnect and no seq missed', async () => {
    const { rec, publisher } = await runRecordedLink(
      hub,
      { everyMs: 40 },
      async (rec, publisher) => {
        await waitFor('first snapshot', () => rec.seen.snapshot.length === 1);
        await new Promise((r) => setTimeout(r, 20_000));
        await publisher.stop();
        await waitFor(
          'every published event to arrive',
          () => rec.lastSeq() >= publisher.published(),
          10_000,
        );
      },
    );
    expect(rec.states().slice(0, 2)).toEqual(['connecting', 'live']);
    expect(rec.seen.state.filter((t) => t.to === 'reconnecting').map((t) => t.reason)).toEqual([]);
    const inband = rec.seen.token.filter((t) => t.how === 'inband');
    // 20 s of 3 s tokens renewed at ~80%: about eight renewals.
    expect(inband.length).toBeGreaterThanOrEqual(5);
    expect(rec.seen.token.filter((t) => t.how === 'reconnect')).toEqual([]);
    expect(rec.seen.snapshot.length).toBe(1);
    expect(rec.seen.resync).toEqual([]);
    expect(rec.gaps()).toEqual([]);
    expect(publisher.published()).toBeGreaterThan(100);
    // Everything published after the snapshot arrived as an event, none twice.
    expect(rec.lastSeq()).toBe(publisher.published());
    expect(rec.seen.event.length).toBe(publisher.published() - (rec.seen.snapshot[0]?.seq ?? 0));
  });
});
