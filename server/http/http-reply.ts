import type { ServerResponse } from 'node:http';
import type { WireErrorCode } from '../../protocol/codes';

/** Security headers sent on every HTTP answer of the hub. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** An error answer in the shape of protocol/http-api.ts `httpErrorBodySchema`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: WireErrorCode,
  message: string,
  extra: {
    fields?: Array<{ path: string; message: string }>;
    headers?: Record<string, string>;
  } = {},
): void {
  sendJson(
    res,
    status,
    { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) } },
    extra.headers,
  );
}
