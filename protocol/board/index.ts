export * from './board-state';
export * from './board-reducer';
export * from './board-selectors';
export { dayKeyOf } from './day-key';
export { emptyIdRecord, ownValue, type IdRecord } from './id-record';
export { isActionTargetOnBoard } from './action-targets';
