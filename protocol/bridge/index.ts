export * from './board-feed';
export * from './host-bridge';
export * from './update-status';
