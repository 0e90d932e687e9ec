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

  describe('the actions.perform channel', () => {
    const channel = OperationChannel['actions.perform'];
    const request = {
      id: 'act-00000001',
      tenant: 'cedar-group',
      action: 'order.bump',
      target: 'o-1',
    };
    const receipt = { ok: true, value: { id: 'act-00000001', seq: 12, duplicate: false } } as const;

    it('carries the bridge operation on its own channel with the protocol schemas', () => {
      expect(channel).toBe('actions:perform');
      expect(ipcContract[channel].request).toBe(bridgeOperations['actions.perform'].args);
      expect(ipcContract[channel].response).toBe(bridgeOperations['actions.perform'].result);
    });

    it("hands a valid action to the handler and returns the hub's receipt", async () => {
      const seen: unknown[] = [];
      const reply = await dispatchInvoke(
        channel,
        'app://console/',
        [request],
        ([action]) => {
          seen.push(action);
          return receipt;
        },
        trusted,
      );
      expect(seen).toEqual([request]);
      expect(reply).toEqual({ ok: true, value: receipt });
    });

    it('refuses an action from a page the console did not load, without calling the handler', async () => {
      let called = false;
      const reply = await dispatchInvoke(
        channel,
        'https://evil.example/',
        [request],
        () => {
          called = true;
          return receipt;
        },
        { isTrustedSender: (url) => url === 'app://console/', log: () => undefined },
      );
      expect(called).toBe(false);
      expect(reply).toMatchObject({ ok: false, error: { code: IpcErrorCode.FORBIDDEN_SENDER } });
    });

    it('refuses a clear without a reason, a bad action id and an unknown action as bad_request', async () => {
      const send = (action: object) =>
        dispatchInvoke(channel, 'app://console/', [action], () => receipt, trusted);
      const noReason = await send({ ...request, action: 'order.clear' });
      expect(noReason).toMatchObject({ ok: false, error: { code: IpcErrorCode.BAD_REQUEST } });
      if (!noReason.ok) expect(noReason.error.message).toContain('reason');
      expect(await send({ ...request, id: 'x' })).toMatchObject({ ok: false });
      expect(await send({ ...request, action: 'order.delete' })).toMatchObject({ ok: false });
      expect(await send({ ...request, extra: true })).toMatchObject({ ok: false });
    });

    it('passes an offline refusal through as the result, and turns a malformed receipt into internal', async () => {
      const offline = {
        ok: false,
        error: { code: 'offline', message: 'Not live; actions are off until the link is back.' },
      } as const;
      expect(
        await dispatchInvoke(channel, 'app://console/', [request], () => offline, trusted),
      ).toEqual({ ok: true, value: offline });
      const malformed = await dispatchInvoke(
        channel,
        'app://console/',
        [request],
        () => ({ ok: true, value: { id: 'act-00000001', seq: 0, duplicate: false } }),
        trusted,
      );
      expect(malformed).toMatchObject({ ok: false, error: { code: IpcErrorCode.INTERNAL } });
    });
  });
});
