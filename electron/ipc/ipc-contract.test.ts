import { describe, expect, it } from 'vitest';
import {
  BRIDGE_OPERATION_NAMES,
  BRIDGE_SUBSCRIPTION_NAMES,
  PASSWORD_MAX_LENGTH,
  bridgeOperations,
} from '../../protocol/bridge';
import { BoardSubscriptionChannel, OperationChannel, SubscriptionChannel } from './channel-names';
import { ipcContract } from './channels';
import { dispatchInvoke, IpcErrorCode } from './ipc-dispatch';

const trusted = { isTrustedSender: () => true, log: () => undefined };

describe('the IPC channel map', () => {
  it('carries exactly the operations and subscriptions of HostBridge, each on its own channel', () => {
    expect(Object.keys(OperationChannel).sort()).toEqual([...BRIDGE_OPERATION_NAMES].sort());
    expect(Object.keys(SubscriptionChannel).sort()).toEqual([...BRIDGE_SUBSCRIPTION_NAMES].sort());
    const channels = [
      ...Object.values(OperationChannel),
      ...Object.values(SubscriptionChannel).flatMap((entry) => Object.values(entry)),
    ];
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('uses the protocol schemas of each operation as they are, and defines no invoke channel of its own', () => {
    for (const name of BRIDGE_OPERATION_NAMES) {
      const entry = ipcContract[OperationChannel[name]];
      expect(entry.request).toBe(bridgeOperations[name].args);
      expect(entry.response).toBe(bridgeOperations[name].result);
    }
    expect(Object.keys(ipcContract).sort()).toEqual(
      [
        ...Object.values(OperationChannel),
        BoardSubscriptionChannel.start,
        BoardSubscriptionChannel.stop,
      ].sort(),
    );
  });

  it('accepts a password of the bridge limit and refuses one character more as bad_request', async () => {
    const signIn = (password: string) =>
      dispatchInvoke(
        OperationChannel['profiles.signIn'],
        'app://console/',
        [{ hubUrl: 'https://hub.example', username: 'ana', password }],
        () => ({ ok: true, value: profile }),
        trusted,
      );
    const profile = {
      id: 'p1',
      hubUrl: 'https://hub.example',
      username: 'ana',
      displayName: 'ana',
      tenants: [],
      signedIn: true,
    };
    expect(await signIn('p'.repeat(PASSWORD_MAX_LENGTH))).toEqual({
      ok: true,
      value: { ok: true, value: profile },
    });
    const tooLong = await signIn('p'.repeat(PASSWORD_MAX_LENGTH + 1));
    expect(tooLong).toMatchObject({ ok: false, error: { code: IpcErrorCode.BAD_REQUEST } });
    if (!tooLong.ok) expect(tooLong.error.message).toContain('password');
  });
});
