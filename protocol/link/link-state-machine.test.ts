import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock';
import { LINK_STATES, type LinkState, type LinkTransition } from './link-state';
import { isAllowedTransition, LINK_TRANSITIONS, LinkStateMachine } from './link-state-machine';

/** The shortest allowed path from idle to `target`, by breadth-first search over the table. */
function pathFromIdle(target: LinkState): LinkState[] {
  const previous = new Map<LinkState, LinkState | null>([['idle', null]]);
  const queue: LinkState[] = ['idle'];
  while (queue.length > 0) {
    const state = queue.shift() as LinkState;
    for (const next of LINK_TRANSITIONS.get(state) ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, state);
      queue.push(next);
    }
  }
  if (!previous.has(target)) throw new Error(`${target} is not reachable from idle`);
  const path: LinkState[] = [];
  for (
    let at: LinkState | null = target;
    at !== null && at !== 'idle';
    at = previous.get(at) ?? null
  )
    path.unshift(at);
  return path;
}

function machineIn(state: LinkState) {
  const clock = new FakeClock();
  const seen: LinkTransition[] = [];
  const machine = new LinkStateMachine(clock, (transition) => seen.push(transition));
  for (const step of pathFromIdle(state)) machine.setState(step, `to ${step}`);
  seen.length = 0;
  return { machine, seen, clock };
}

const pairs = LINK_STATES.flatMap((from) => LINK_STATES.map((to) => [from, to] as const));
const allowed = pairs.filter(([from, to]) => isAllowedTransition(from, to));
const illegal = pairs.filter(([from, to]) => !isAllowedTransition(from, to));

describe('link state machine', () => {
  it('names every state in the transition table, and every state is reachable from idle', () => {
    expect([...LINK_TRANSITIONS.keys()].sort()).toEqual([...LINK_STATES].sort());
    for (const state of LINK_STATES) expect(() => pathFromIdle(state)).not.toThrow();
  });

  it('lets every state but stopped be stopped, and never leaves a state without a way out', () => {
    for (const state of LINK_STATES) {
      expect(isAllowedTransition(state, 'stopped')).toBe(state !== 'stopped');
      expect(LINK_TRANSITIONS.get(state)?.size ?? 0).toBeGreaterThan(0);
    }
  });

  it.each(allowed)('%s → %s is allowed and emitted as {from, to, reason, at}', (from, to) => {
    const { machine, seen, clock } = machineIn(from);
    clock.advance(7);
    machine.setState(to, 'because');
    expect(seen).toEqual([{ from, to, reason: 'because', at: clock.now() }]);
    expect(machine.status()).toMatchObject({ state: to, since: clock.now(), reason: 'because' });
  });

  it.each(illegal)('%s → %s throws a programming error naming the transition', (from, to) => {
    const { machine, seen } = machineIn(from);
    expect(() => machine.setState(to, 'oops')).toThrow(`illegal transition ${from} → ${to} (oops)`);
    expect(machine.state).toBe(from);
    expect(seen).toEqual([]);
  });

  it('forbids at least the transitions that would hide a bug (live → connecting, stopped → live, idle → live)', () => {
    expect(illegal).toEqual(
      expect.arrayContaining([
        ['live', 'connecting'],
        ['stopped', 'live'],
        ['idle', 'live'],
        ['auth_required', 'reconnecting'],
        ['offline', 'live'],
      ]),
    );
  });

  it('shows the attempt and next retry only while reconnecting', () => {
    const { machine } = machineIn('live');
    machine.setState('reconnecting', 'closed 1006', { attempt: 3, nextRetryAt: 1234 });
    expect(machine.status()).toMatchObject({ attempt: 3, nextRetryAt: 1234 });
    expect(machine.attempts).toBe(3);
    machine.setState('live', 'welcome received');
    expect(machine.status()).not.toHaveProperty('attempt');
    expect(machine.status()).not.toHaveProperty('nextRetryAt');
    machine.resetAttempts();
    expect(machine.attempts).toBe(0);
  });
});
