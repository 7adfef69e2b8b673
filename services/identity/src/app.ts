import type { Express } from 'express';
import { authenticate, tokenVerifier } from '@hearth/auth';
import type { Pool } from '@hearth/db';
import { createApp } from '@hearth/http';
import type { Logger } from '@hearth/logging';
import { loggedDelivery, type InvitationDelivery } from './adapters/invitation-delivery';
import type { IdentityConfig } from './config';
import { signingKeys } from './domain/signing-keys';
import { authRoutes } from './routes/auth';
import { invitationTokenRoutes } from './routes/invitation-token';
import { invitationRoutes } from './routes/invitations';
import { jwksRoute } from './routes/jwks';
import { organizationRoutes } from './routes/organizations';
import { userRoutes } from './routes/users';

export { identityMigrations } from './store/schema';

/** Identity's HTTP app over an open, migrated pool (main.ts and the tests build it the same way). */
export function buildIdentity(
  config: IdentityConfig,
  deps: { pool: Pool; logger: Logger; deliverInvitation?: InvitationDelivery },
): Express {
  const keys = signingKeys(
    config.JWT_KEY_ID,
    config.JWT_PRIVATE_KEY,
    config.JWT_PREVIOUS_PUBLIC_KEYS,
  );
  const deliverInvitation =
    deps.deliverInvitation ?? loggedDelivery(deps.logger, { revealToken: config.SEED_DEMO });
  const ctx = { ...deps, config, keys, deliverInvitation };
  // Identity verifies its own tokens with its own public keys: no HTTP call to itself.
  const verify = tokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    keys: { publicKeys: keys.publicKeys },
  });
  return createApp({
    service: 'identity',
    logger: deps.logger,
    readiness: { database: () => deps.pool.query('SELECT 1') },
    authenticate: authenticate(verify),
    publicRoutes: (api) => {
      authRoutes(api, ctx);
      invitationTokenRoutes(api, ctx);
    },
    routes: (api) => {
      organizationRoutes(api, ctx);
      invitationRoutes(api, ctx); // before userRoutes: /users/invitations is not a user id
      userRoutes(api, ctx);
    },
    root: (app) => jwksRoute(app, keys),
  });
}
