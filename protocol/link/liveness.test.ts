import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock';
import { Liveness } from './liveness';

function setup(heartbeatMs = 1000) {
  const clock = new FakeClock();
  const pings: number[] = [];
  const deaths: number[] = [];
  const liveness = new Liveness({
    clock,
    heartbeatMs,
    sendPing: () => pings.push(clock.now()),
    onDead: (silent) => deaths.push(silent),
  });
  return { clock, pings, deaths, liveness };
}

describe('liveness', () => {
  it('pings once per heartbeat', () => {
    const { clock, pings, liveness } = setup();
    clock.advance(1000);
    liveness.received();
    clock.advance(1000);
    liveness.received();
    clock.advance(1000);
    expect(pings.length).toBe(3);
  });

  it('declares the link dead after exactly two silent heartbeats', () => {
    const { clock, deaths } = setup();
    clock.advance(1999);
    expect(deaths).toEqual([]);
    clock.advance(1);
    expect(deaths).toEqual([2000]);
  });

  it('any frame pushes the deadline out', () => {
    const { clock, deaths, liveness } = setup();
    clock.advance(1500);
    liveness.received();
    clock.advance(1900);
    expect(deaths).toEqual([]);
    clock.advance(100);
    expect(deaths).toEqual([2000]);
  });

  it('reports death once and stops pinging afterwards', () => {
    const { clock, deaths, pings } = setup();
    clock.advance(2000);
    const pingsAtDeath = pings.length;
    clock.advance(10_000);
    expect(deaths.length).toBe(1);
    expect(pings.length).toBe(pingsAtDeath);
  });

  it('stop() cancels every timer', () => {
    const { clock, deaths, liveness } = setup();
    liveness.stop();
    expect(clock.pending()).toBe(0);
    clock.advance(10_000);
    expect(deaths).toEqual([]);
  });

  it('probe() pings at once', () => {
    const { pings, liveness } = setup();
    liveness.probe();
    expect(pings.length).toBe(1);
  });

  it('with hub heartbeat frames, sends no pings and counts silence in app heartbeats', () => {
    const clock = new FakeClock();
    const pings: number[] = [];
    const deaths: number[] = [];
    const liveness = new Liveness({
      clock,
      heartbeatMs: 30_000,
      appHeartbeatMs: 5000,
      sendPing: () => pings.push(clock.now()),
      onDead: (silent) => deaths.push(silent),
    });
    expect(liveness.silenceLimit()).toBe(10_000);
    clock.advance(9999);
    expect(deaths).toEqual([]);
    clock.advance(1);
    expect(deaths).toEqual([10_000]);
    expect(pings).toEqual([]);
  });

  it('rejects a non-positive heartbeat', () => {
    expect(
      () =>
        new Liveness({
          clock: new FakeClock(),
          heartbeatMs: 0,
          sendPing: () => undefined,
          onDead: () => undefined,
        }),
    ).toThrow(/heartbeatMs/);
  });
});
