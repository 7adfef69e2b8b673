export * from './envelope';
export * from './catalog';
export * from './parse';
export * from './coordinated-entry';
export * from './fssp';
export * from './rent-assistance';
