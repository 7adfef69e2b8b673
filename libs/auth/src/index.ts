export { accessClaims, type Actor } from './actor';
export * from './tokens';
export * from './middleware';
