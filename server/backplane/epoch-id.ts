import { randomBytes } from 'node:crypto';

/** A fresh random epoch: 16 url-safe chars (96 bits), so two epochs never collide in practice. */
export function newEpoch(): string {
  return randomBytes(12).toString('base64url');
}
