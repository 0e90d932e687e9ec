import { describe, expect, it } from 'vitest';
import { MAX_EVENTS_PER_BATCH, parseClientMessage, parseHubMessage } from './messages';
import { closeAction, CLOSE_CODES, goingAwayReason, parseRetryWindow } from './codes';

describe('client frames', () => {
  it('parses a subscribe with resume and filter', () => {
    const result = parseClientMessage(
      '{"type":"subscribe","tenant":"t1","resumeFrom":123,"epoch":"e1","filter":{"locations":["jounieh"],"types":["payment.*"]}}',
    );
    expect(result).toEqual({
      ok: true,
      message: {
        type: 'subscribe',
        tenant: 't1',
        resumeFrom: 123,
        epoch: 'e1',
        filter: { locations: ['jounieh'], types: ['payment.*'] },
      },
    });
  });

  it('rejects malformed JSON, unknown types, bad tenant ids and extra fields with a reason', () => {
    for (const raw of [
      '{not json',
      '{"type":"dance"}',
      '{"type":"subscribe","tenant":"Bad Tenant"}',
      '{"type":"ping","id":"1","extra":true}',
    ]) {
      const result = parseClientMessage(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
    }
  });
});

describe('hub frames', () => {
  it('parses an event frame and keeps the optional prev of filtered subscriptions', () => {
    const result = parseHubMessage(
      '{"type":"event","tenant":"t1","seq":7,"prev":4,"ts":1,"event":{"type":"alert","id":"a","data":{}}}',
    );
    expect(result.ok && result.message.type === 'event' && result.message.prev).toBe(4);
  });

  it('parses an events frame of 1 to MAX_EVENTS_PER_BATCH event frames and refuses empty, oversized or mixed ones', () => {
    const event = (seq: number) =>
      `{"type":"event","tenant":"t${seq % 2}","seq":${seq},"ts":1,"event":{"type":"alert","id":"a${seq}","data":{}}}`;
    const batch = (n: number) =>
      `{"type":"events","frames":[${Array.from({ length: n }, (_, i) => event(i + 1)).join(',')}]}`;
    const one = parseHubMessage(batch(1));
    expect(one.ok && one.message.type === 'events' && one.message.frames[0]?.seq).toBe(1);
    const full = parseHubMessage(batch(MAX_EVENTS_PER_BATCH));
    expect(full.ok && full.message.type === 'events' && full.message.frames.length).toBe(
      MAX_EVENTS_PER_BATCH,
    );
    expect(parseHubMessage(batch(0)).ok).toBe(false);
    expect(parseHubMessage(batch(MAX_EVENTS_PER_BATCH + 1)).ok).toBe(false);
    expect(
      parseHubMessage('{"type":"events","frames":[{"type":"pong","id":"p","serverTime":1}]}').ok,
    ).toBe(false);
  });
});

describe('close codes', () => {
  it('tells a client what to do with each code', () => {
    expect(closeAction(4001)).toBe('refresh_token');
    expect(closeAction(4003)).toBe('auth_required');
    expect(closeAction(1001)).toBe('reconnect_within_window');
    expect(closeAction(4008)).toBe('reconnect');
    expect(closeAction(3999)).toBe('reconnect');
  });

  it('lists every code the hub sends exactly once', () => {
    const codes = CLOSE_CODES.map((info) => info.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of [1001, 1008, 1009, 1013, 4001, 4003, 4008, 4400])
      expect(codes).toContain(code);
  });

  it('round-trips the reconnect window through a close reason under 123 bytes', () => {
    const reason = goingAwayReason(5000);
    expect(new TextEncoder().encode(reason).length).toBeLessThanOrEqual(123);
    expect(parseRetryWindow(reason, 1)).toBe(5000);
    expect(parseRetryWindow('bye', 1234)).toBe(1234);
  });
});
