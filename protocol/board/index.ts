export * from './board-state';
export * from './board-reducer';
export * from './board-selectors';
export { dayKeyOf } from './day-key';
export type { OrderCaps } from './open-orders';
export { emptyIdRecord, ownValue, type IdRecord } from './id-record';
