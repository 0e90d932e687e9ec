import { describe, expect, test } from 'vitest';
import { createBoardState } from '../../../protocol';
import { parsePageMessage, parseResponseValue, parseWorkerMessage } from './worker-protocol';

describe('worker port messages', () => {
  test('a sign-in request with a username and password parses', () => {
    expect(
      parsePageMessage({ t: 'req', id: 1, op: 'signIn', username: 'ops', password: 'secret' }).ok,
    ).toBe(true);
  });

  test('a request with an unknown op or extra fields is rejected', () => {
    expect(parsePageMessage({ t: 'req', id: 1, op: 'mintToken' }).ok).toBe(false);
    expect(parsePageMessage({ t: 'req', id: 1, op: 'profiles.list', token: 'x' }).ok).toBe(false);
  });

  test('a board subscription for an invalid tenant id is rejected', () => {
    expect(parsePageMessage({ t: 'sub', sub: 3, tenant: 'Cedar Group' }).ok).toBe(false);
    expect(parsePageMessage({ t: 'sub', sub: 3, tenant: 'cedar-group' }).ok).toBe(true);
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
    expect(parseResponseValue('profiles.list', []).ok).toBe(true);
    expect(parseResponseValue('profiles.list', [{ id: 'x' }]).ok).toBe(false);
    expect(
      parseResponseValue('link.status', { state: 'live', since: 1, reason: 'welcome' }).ok,
    ).toBe(true);
    expect(parseResponseValue('link.status', { state: 'dancing', since: 1, reason: '' }).ok).toBe(
      false,
    );
  });
});
