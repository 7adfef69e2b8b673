export * from './servers';
export * from './databases';
export * from './tokens';
export * from './tcp-proxy';
export * from './wait';
export * from './body';
export * from './client';
