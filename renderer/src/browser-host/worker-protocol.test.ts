import { describe, expect, test } from 'vitest';
import {
  BRIDGE_OPERATION_NAMES,
  BRIDGE_SUBSCRIPTION_NAMES,
  PASSWORD_MAX_LENGTH,
  createBoardState,
  parseBridgeResult,
} from '../../../protocol';
import {
  browserOperationRoute,
  browserSubscriptionRoute,
  parsePageMessage,
  parseWorkerMessage,
} from './worker-protocol';

const signIn = (password: string) => ({
  t: 'req',
  id: 1,
  op: 'profiles.signIn',
  args: [{ hubUrl: 'http://127.0.0.1:8080', username: 'ops', password }],
});

describe('worker port messages', () => {
  test('a sign-in request with a username and password parses', () => {
    expect(parsePageMessage(signIn('secret')).ok).toBe(true);
  });

  test('a request with an unknown op or extra fields is rejected', () => {
    expect(parsePageMessage({ t: 'req', id: 1, op: 'mintToken', args: [] }).ok).toBe(false);
    expect(
      parsePageMessage({ t: 'req', id: 1, op: 'profiles.list', args: [], token: 'x' }).ok,
    ).toBe(false);
  });

  test('a board subscription for an invalid tenant id is rejected', () => {
    const sub = (tenant: string) => ({ t: 'sub', sub: 3, op: 'boards.subscribe', args: [tenant] });
    expect(parsePageMessage(sub('Cedar Group')).ok).toBe(false);
    expect(parsePageMessage(sub('cedar-group')).ok).toBe(true);
  });

  test('a reset carrying a real board state parses, and one carrying anything else is rejected', () => {
    const reset = {
      kind: 'reset',
      tenant: 'cedar-group',
      seq: 0,
      epoch: 'e1',
      freshness: 'live',
      asOf: 1,
      staleSince: null,
    };
    expect(
      parseWorkerMessage({ t: 'board', sub: 1, update: { ...reset, state: createBoardState() } })
        .ok,
    ).toBe(true);
    expect(
      parseWorkerMessage({ t: 'board', sub: 1, update: { ...reset, state: { version: 99 } } }).ok,
    ).toBe(false);
  });

  test('an events batch with a malformed event is rejected', () => {
    const good = { seq: 5, ts: 1, event: { type: 'order.placed', id: 'a', data: {} } };
    expect(
      parseWorkerMessage({
        t: 'board',
        sub: 1,
        update: { kind: 'events', tenant: 'cedar-group', events: [good] },
      }).ok,
    ).toBe(true);
    expect(
      parseWorkerMessage({
        t: 'board',
        sub: 1,
        update: { kind: 'events', tenant: 'cedar-group', events: [{ ...good, seq: 0 }] },
      }).ok,
    ).toBe(false);
  });

  test('an error answer and a success answer both parse, and answer values are checked per request', () => {
    expect(
      parseWorkerMessage({
        t: 'res',
        id: 2,
        ok: false,
        error: { code: 'unauthorized', message: 'no' },
      }).ok,
    ).toBe(true);
    expect(parseWorkerMessage({ t: 'res', id: 2, ok: true, value: [] }).ok).toBe(true);
    expect(parseBridgeResult('profiles.list', []).ok).toBe(true);
    expect(parseBridgeResult('profiles.list', [{ id: 'x' }]).ok).toBe(false);
    expect(
      parseBridgeResult('link.status', { state: 'live', since: 1, reason: 'welcome' }).ok,
    ).toBe(true);
    expect(parseBridgeResult('link.status', { state: 'dancing', since: 1, reason: '' }).ok).toBe(
      false,
    );
  });

  test('the browser host routes exactly the operations and subscriptions of HostBridge, each once', () => {
    expect(Object.keys(browserOperationRoute).sort()).toEqual([...BRIDGE_OPERATION_NAMES].sort());
    expect(Object.keys(browserSubscriptionRoute).sort()).toEqual(
      [...BRIDGE_SUBSCRIPTION_NAMES].sort(),
    );
  });

  test('a password of the bridge limit parses, and one character more is refused with an answer to that request', () => {
    expect(parsePageMessage(signIn('p'.repeat(PASSWORD_MAX_LENGTH))).ok).toBe(true);
    const tooLong = parsePageMessage(signIn('p'.repeat(PASSWORD_MAX_LENGTH + 1)));
    expect(tooLong).toMatchObject({ ok: false, requestId: 1 });
    if (!tooLong.ok) expect(tooLong.error).toContain('password');
  });

  test('an operator action is a worker request checked with the action schema, and a bad one is answered by id', () => {
    expect(browserOperationRoute['actions.perform']).toBe('worker');
    const action = (args: unknown[]) => ({ t: 'req', id: 7, op: 'actions.perform', args });
    const bump = { id: 'act-00000001', tenant: 'cedar-group', action: 'order.bump', target: 'o-1' };
    expect(parsePageMessage(action([bump])).ok).toBe(true);
    expect(parsePageMessage(action([{ ...bump, action: 'order.clear', reason: 'stuck' }])).ok).toBe(
      true,
    );
    const noReason = parsePageMessage(action([{ ...bump, action: 'order.clear' }]));
    expect(noReason).toMatchObject({ ok: false, requestId: 7 });
    if (!noReason.ok) expect(noReason.error).toContain('reason');
    expect(parsePageMessage(action([{ ...bump, tenant: 'Cedar Group' }]))).toMatchObject({
      ok: false,
      requestId: 7,
    });
    expect(
      parseBridgeResult('actions.perform', {
        ok: true,
        value: { id: bump.id, seq: 3, duplicate: false },
      }).ok,
    ).toBe(true);
    expect(
      parseBridgeResult('actions.perform', {
        ok: false,
        error: { code: 'offline', message: 'Not live' },
      }).ok,
    ).toBe(true);
    expect(
      parseBridgeResult('actions.perform', { ok: true, value: { id: bump.id, seq: 3 } }).ok,
    ).toBe(false);
  });
});
