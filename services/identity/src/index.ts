// What other workspaces may use of identity (the system test); main.ts starts it, this does not.
export { buildIdentity, identityMigrations, identitySchema } from './app';
export { identityEnv, type IdentityConfig } from './config';
export { seedDemo } from './seed';
