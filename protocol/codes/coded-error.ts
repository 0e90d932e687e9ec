import type { CodeAction } from './code-action';
import { HOST_CODES, type HostCode } from './host-codes';
import { WIRE_ERROR_CODES, type CodeInfo, type WireErrorCode } from './wire-error-codes';

/** Every string code of the tree: what the hub sends on the wire, and what hosts raise. */
export type Code = WireErrorCode | HostCode;

/** The shape every error takes when it crosses a process boundary (IPC, WebSocket, HTTP, worker port). */
export interface WireError {
  code: Code;
  message: string;
}

const byCode = new Map<string, CodeInfo<Code>>(
  [...WIRE_ERROR_CODES, ...HOST_CODES].map((row) => [row.code, row]),
);

/** True when `value` is a code of the table (wire or host). */
export function isCode(value: unknown): value is Code {
  return typeof value === 'string' && byCode.has(value);
}

/** The table row of a code: its meaning and what a client does about it. */
export function codeInfo(code: Code): CodeInfo<Code> {
  const info = byCode.get(code);
  // Unreachable while `Code` and the tables agree; a programming error otherwise.
  if (!info) throw new TypeError(`code "${code}" is missing from protocol/codes; add a row for it`);
  return info;
}

/** What a client does about a code. */
export function codeAction(code: Code): CodeAction {
  return codeInfo(code).action;
}

/**
 * The one error base class of the tree: the kind of failure is always `code`, one
 * of the table's codes, and the message says what to do next. Subclasses only fix
 * the code and the message; extra context (a metric label, an exit code) is a
 * named field beside it, never a second kind.
 */
export class CodedError extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Serialises any thrown value into the plain `{code, message}` that crosses a
 * process boundary. A `CodedError` (or any error whose `code` is in the table, such
 * as one rebuilt on the far side of IPC) keeps its code and message. Anything else
 * becomes `internal` with `fallbackMessage`, so Node system errors (`ENOENT` with a
 * file path) and stack traces stay in the local log and never cross.
 */
export function toWireError(
  error: unknown,
  fallbackMessage = 'unexpected error; see the log',
): WireError {
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (isCode(code) && typeof message === 'string') return { code, message };
  }
  return { code: 'internal', message: fallbackMessage };
}
