import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './http-reply';

export type BodyError = { ok: false; status: 400 | 413 | 415; code: string; message: string };
export type BodyResult = { ok: true; value: unknown } | BodyError;

/**
 * Reads a JSON request body of at most `maxBytes`. Checks Content-Type and
 * Content-Length first, then counts bytes as they arrive, so an oversized body is
 * refused without being buffered.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return {
      ok: false,
      status: 415,
      code: 'bad_request',
      message: 'Content-Type must be application/json',
    };
  }
  const declared = Number(req.headers['content-length'] ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      req.resume();
      return tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks, size).toString('utf8')) };
  } catch (error) {
    return {
      ok: false,
      status: 400,
      code: 'bad_request',
      message: `body is not valid JSON: ${(error as Error).message}`,
    };
  }
}

function tooLarge(maxBytes: number): BodyResult {
  return {
    ok: false,
    status: 413,
    code: 'payload_too_large',
    message: `body is larger than ${maxBytes} bytes`,
  };
}

/**
 * Answers a body error. A 413 or 415 leaves the rest of the body unread, so the
 * answer asks to close the connection; otherwise Node would keep reading and
 * discarding a large upload before the socket could be reused.
 */
export function sendBodyError(res: ServerResponse, error: BodyError): void {
  const unread = error.status === 413 || error.status === 415;
  sendError(
    res,
    error.status,
    error.code,
    error.message,
    unread ? { headers: { Connection: 'close' } } : {},
  );
}
