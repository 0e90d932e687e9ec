/**
 * @deprecated Moved to `protocol/codes/`; import from `./codes`. This file lives
 * for one merge step only, so branches written against the old path still build.
 */
export { ErrorCode, type WireErrorCode as ErrorCodeValue } from './codes/wire-error-codes';

/**
 * @deprecated The host bridge's error before it is narrowed to `WireError` of
 * `protocol/codes` (its `code` typed by the codes table). The bridge contract is
 * being rebuilt on zod schemas in parallel; when that lands, its `code` schema
 * becomes `z.enum` of the codes and this interface goes away.
 */
export interface WireError {
  code: string;
  message: string;
}
