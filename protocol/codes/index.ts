/**
 * The one codes table of the tree: WebSocket close codes (numbers), wire error
 * codes (what the hub sends) and host codes (what hosts raise), each with its
 * meaning and what a client does about it. See docs/protocol.md, "Codes".
 */
export * from './code-action';
export * from './close-codes';
export * from './wire-error-codes';
export * from './host-codes';
export * from './coded-error';
export * from './code-schema';
