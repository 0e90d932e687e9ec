import type { IncomingMessage } from 'node:http';
import type { WireErrorCode } from '../../protocol/codes';
import { MAX_JSON_DEPTH, jsonNestingDepth, tooDeepMessage } from '../../protocol/json-limits';

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: WireErrorCode; message: string };

/**
 * Reads a JSON request body of at most `maxBytes`. Checks Content-Type and
 * Content-Length first, then counts bytes as they arrive, so an oversized body is
 * refused without being buffered. Text nested deeper than `MAX_JSON_DEPTH` is refused
 * before it is parsed.
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
  const text = Buffer.concat(chunks, size).toString('utf8');
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH)
    return { ok: false, status: 400, code: 'bad_request', message: tooDeepMessage('the body') };
  try {
    return { ok: true, value: JSON.parse(text) };
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
