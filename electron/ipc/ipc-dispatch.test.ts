import { describe, expect, it } from 'vitest';
import { BoardSubscriptionChannel, OperationChannel } from './channel-names';
import { dispatchInvoke, IpcErrorCode } from './ipc-dispatch';
import type { DispatchDeps } from './ipc-dispatch';

function deps(trusted = true) {
  const lines: { channel: string; code: string; message: string; error?: unknown }[] = [];
  const value: DispatchDeps = { isTrustedSender: () => trusted, log: (line) => lines.push(line) };
  return { value, lines };
}

const status = { state: 'live', since: 1, reason: 'welcome' } as const;

describe('dispatchInvoke', () => {
  it('returns the handler value for a valid request from a trusted sender', async () => {
    const reply = await dispatchInvoke(
      OperationChannel['link.status'],
      'app://console/',
      [],
      () => status,
      deps().value,
    );
    expect(reply).toEqual({ ok: true, value: status });
  });

  it('refuses an untrusted sender without calling the handler', async () => {
    let called = false;
    const d = deps(false);
    const reply = await dispatchInvoke(
      OperationChannel['profiles.signOut'],
      'https://evil.example/',
      ['p'],
      () => {
        called = true;
      },
      d.value,
    );
    expect(called).toBe(false);
    expect(reply).toMatchObject({ ok: false, error: { code: IpcErrorCode.FORBIDDEN_SENDER } });
    expect(d.lines).toHaveLength(1);
  });

  it('answers bad input with bad_request naming the field, and never logs the request body', async () => {
    const d = deps();
    const reply = await dispatchInvoke(
      OperationChannel['profiles.signIn'],
      'app://console/',
      [{ hubUrl: 'javascript:alert(1)', username: 'ana', password: 'hunter2-secret' }],
      () => ({ ok: false, error: { code: 'bad_request', message: 'unreachable' } }),
      d.value,
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe(IpcErrorCode.BAD_REQUEST);
      expect(reply.error.message).toContain('hubUrl');
    }
    expect(JSON.stringify(d.lines)).not.toContain('hunter2-secret');
  });

  it('rejects unknown extra fields and bad tenant ids', async () => {
    const d = deps();
    const extra = await dispatchInvoke(
      BoardSubscriptionChannel.start,
      'app://console/',
      { subscriptionId: 's', args: ['cedar-group'], admin: true },
      () => undefined,
      d.value,
    );
    const badTenant = await dispatchInvoke(
      BoardSubscriptionChannel.start,
      'app://console/',
      { subscriptionId: 's', args: ['../etc'] },
      () => undefined,
      d.value,
    );
    expect(extra.ok).toBe(false);
    expect(badTenant.ok).toBe(false);
  });

  it('passes a typed session error through as {code, message}', async () => {
    const error = Object.assign(new Error('Sign in to harbor-eats first.'), { code: 'forbidden' });
    const reply = await dispatchInvoke(
      OperationChannel['windows.open'],
      'app://console/',
      ['harbor-eats', 'orders'],
      () => {
        throw error;
      },
      deps().value,
    );
    expect(reply).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Sign in to harbor-eats first.' },
    });
  });

  it('hides unexpected errors (such as Node system errors with paths) behind internal, keeping them in the log', async () => {
    const d = deps();
    const systemError = Object.assign(new Error("ENOENT: no such file '/home/ana/.config/x'"), {
      code: 'ENOENT',
    });
    const reply = await dispatchInvoke(
      OperationChannel['tenants.list'],
      'app://console/',
      [],
      () => {
        throw systemError;
      },
      d.value,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: IpcErrorCode.INTERNAL } });
    if (!reply.ok) expect(reply.error.message).not.toContain('/home/ana');
    expect(d.lines[0]?.error).toBe(systemError);
  });

  it('turns a handler answer that breaks the contract into internal instead of forwarding it', async () => {
    const reply = await dispatchInvoke(
      OperationChannel['link.status'],
      'app://console/',
      [],
      () => ({ state: 'bogus' }) as never,
      deps().value,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: IpcErrorCode.INTERNAL } });
  });
});
