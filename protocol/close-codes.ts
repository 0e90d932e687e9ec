/**
 * @deprecated Moved to `protocol/codes/`. This re-export lives for one merge step
 * so branches written against the old path still build; import from `./codes`.
 */
export * from './codes/close-codes';
