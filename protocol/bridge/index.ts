export * from './board-feed';
export * from './board-update-schema';
export * from './host-bridge';
export * from './update-status';
