export { accessClaims, type Actor } from './actor';
export { InvalidToken, KeysUnavailable } from './errors';
export type { KeySource } from './keys';
export type { JwksTiming } from './jwks';
export * from './tokens';
export * from './middleware';
