export * from './board-feed';
export * from './host-bridge';
