import { describe, expect, it } from 'vitest';
import { errorMessageSchema } from '../messages';
import { CODE_ACTIONS } from './code-action';
import { CLOSE_CODES, CloseCode, closeAction } from './close-codes';
import { codeAction, CodedError, codeInfo, isCode, toWireError } from './coded-error';
import { HOST_CODES } from './host-codes';
import { ErrorCode, WIRE_ERROR_CODE_VALUES, WIRE_ERROR_CODES } from './wire-error-codes';

const everyCode = [...WIRE_ERROR_CODES, ...HOST_CODES];

class ProbeError extends CodedError {
  constructor() {
    super('hub_exited', 'The hub on this PC stopped (exit code 3).');
  }
}

describe('codes table', () => {
  it('names each string code once, in snake case, with a meaning and one of the actions', () => {
    const codes = everyCode.map((row) => row.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const row of everyCode) {
      expect(row.code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(row.meaning.length).toBeGreaterThan(10);
      expect(CODE_ACTIONS).toContain(row.action);
    }
  });

  it('names each close code once, 4000 included, and its named constants point into the table', () => {
    const codes = CLOSE_CODES.map((info) => info.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of Object.values(CloseCode)) expect(codes).toContain(code);
    expect(closeAction(CloseCode.CLIENT_GIVE_UP)).toBe('reconnect');
  });

  it('has exactly one ErrorCode constant per wire code', () => {
    expect([...Object.values(ErrorCode)].sort()).toEqual([...WIRE_ERROR_CODE_VALUES].sort());
  });

  it('answers the meaning and action of every code, and knows no other string', () => {
    for (const row of everyCode) {
      expect(isCode(row.code)).toBe(true);
      expect(codeInfo(row.code)).toEqual(row);
      expect(codeAction(row.code)).toBe(row.action);
    }
    expect(isCode('http_503')).toBe(false);
    expect(isCode('ENOENT')).toBe(false);
    expect(isCode(undefined)).toBe(false);
  });

  it('lets an error frame carry only a wire code', () => {
    expect(
      errorMessageSchema.safeParse({ type: 'error', code: 'forbidden', message: 'x' }).success,
    ).toBe(true);
    expect(
      errorMessageSchema.safeParse({ type: 'error', code: 'hub_exited', message: 'x' }).success,
    ).toBe(false);
    expect(
      errorMessageSchema.safeParse({ type: 'error', code: 'teapot', message: 'x' }).success,
    ).toBe(false);
  });
});

describe('CodedError and toWireError', () => {
  it('keeps the code, the message and the subclass name of a CodedError', () => {
    const error = new ProbeError();
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ProbeError');
    expect(toWireError(error)).toEqual({
      code: 'hub_exited',
      message: 'The hub on this PC stopped (exit code 3).',
    });
  });

  it('keeps a table code rebuilt on the far side of a boundary as a plain object', () => {
    const rebuilt = Object.assign(new Error('Sign in to harbor-eats first.'), {
      code: 'forbidden',
    });
    expect(toWireError(rebuilt)).toEqual({
      code: 'forbidden',
      message: 'Sign in to harbor-eats first.',
    });
  });

  it('turns anything else into internal without its message, so system errors and paths stay local', () => {
    const system = Object.assign(new Error("ENOENT: no such file '/home/ana/x'"), {
      code: 'ENOENT',
    });
    expect(toWireError(system)).toEqual({
      code: 'internal',
      message: 'unexpected error; see the log',
    });
    expect(toWireError('boom', 'The host failed; see its log.')).toEqual({
      code: 'internal',
      message: 'The host failed; see its log.',
    });
    expect(toWireError(null).code).toBe('internal');
  });
});
