import { describe, expect, it } from 'vitest';
import { tokenRequestSchema } from '../http-api';
import {
  BRIDGE_OPERATION_NAMES,
  PASSWORD_MAX_LENGTH,
  USERNAME_MAX_LENGTH,
  boardUpdateSchema,
  hubUrlSchema,
  isBridgeOperationName,
  isBridgeSubscriptionName,
  isFallibleOperation,
  parseBridgeArgs,
  parseBridgeResult,
} from './index';

describe('the bridge contract', () => {
  it('uses the password and username limits of the hub token endpoint, so no bridge-valid password is refused there for its length', () => {
    const grant = (username: string, password: string) =>
      tokenRequestSchema.safeParse({ username, password }).success;
    expect(grant('u'.repeat(USERNAME_MAX_LENGTH), 'p'.repeat(PASSWORD_MAX_LENGTH))).toBe(true);
    expect(grant('ana', 'p'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe(false);
    expect(grant('u'.repeat(USERNAME_MAX_LENGTH + 1), 'secret')).toBe(false);
  });

  it('accepts http and https hub URLs and refuses other schemes and URLs carrying credentials', () => {
    expect(hubUrlSchema.safeParse('https://hub.example:8443/').success).toBe(true);
    expect(hubUrlSchema.safeParse('http://127.0.0.1:8080').success).toBe(true);
    expect(hubUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
    expect(hubUrlSchema.safeParse('ftp://hub.example').success).toBe(false);
    expect(hubUrlSchema.safeParse('https://ana:secret@hub.example').success).toBe(false);
    expect(hubUrlSchema.safeParse('https://ana@hub.example').success).toBe(false);
    expect(hubUrlSchema.safeParse(`https://hub.example/${'a'.repeat(2048)}`).success).toBe(false);
  });

  it('checks arguments as the method parameters: missing, extra and wrong ones are refused', () => {
    expect(parseBridgeArgs('windows.open', ['cedar-group', 'orders']).ok).toBe(true);
    expect(parseBridgeArgs('windows.open', ['cedar-group', 'orders', { mode: 'kiosk' }]).ok).toBe(
      true,
    );
    expect(parseBridgeArgs('windows.open', ['cedar-group']).ok).toBe(false);
    expect(parseBridgeArgs('windows.open', ['cedar-group', 'orders', {}, 'extra']).ok).toBe(false);
    expect(parseBridgeArgs('windows.open', ['cedar-group', 'orders', { admin: true }]).ok).toBe(
      false,
    );
    expect(parseBridgeArgs('profiles.list', []).ok).toBe(true);
    expect(parseBridgeArgs('profiles.list', undefined).ok).toBe(false);
    expect(parseBridgeArgs('boards.subscribe', ['../etc']).ok).toBe(false);
  });

  it('knows operation names only as own keys of the table, never inherited ones', () => {
    expect(isBridgeOperationName('profiles.signIn')).toBe(true);
    expect(isBridgeOperationName('constructor')).toBe(false);
    expect(isBridgeOperationName('__proto__')).toBe(false);
    expect(isBridgeSubscriptionName('boards.subscribe')).toBe(true);
    expect(isBridgeSubscriptionName('toString')).toBe(false);
  });

  it('answers a BridgeResult from exactly the operations whose failures a person must see', () => {
    expect(BRIDGE_OPERATION_NAMES.filter(isFallibleOperation).sort()).toEqual([
      'actions.perform',
      'hostedHub.start',
      'profiles.signIn',
      'updates.restartToUpdate',
      'windows.open',
    ]);
    expect(parseBridgeResult('windows.open', { ok: true, value: undefined }).ok).toBe(true);
    expect(
      parseBridgeResult('windows.open', { ok: false, error: { code: 'forbidden', message: 'no' } })
        .ok,
    ).toBe(true);
    expect(parseBridgeResult('windows.open', { ok: false }).ok).toBe(false);
  });

  it('refuses a board update with a freshness outside the one Freshness list', () => {
    const update = {
      kind: 'freshness',
      tenant: 'cedar-group',
      staleSince: null,
      asOf: 1,
    };
    expect(boardUpdateSchema.safeParse({ ...update, freshness: 'stale' }).success).toBe(true);
    expect(boardUpdateSchema.safeParse({ ...update, freshness: 'frozen' }).success).toBe(false);
  });
});
