export * from './snapshot-store';
export * from './event-batcher';
export * from './board-session';
export { type UpdateListener } from './tenant-feed';
