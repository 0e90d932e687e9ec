export * from './ids';
export * from './scopes';
export * from './events';
export * from './messages';
export * from './close-codes';
export * from './error-codes';
export * from './http-api';
