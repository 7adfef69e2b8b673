import type { Express } from 'express';
import { authenticate, tokenVerifier } from '@hearth/auth';
import type { Broker } from '@hearth/bus';
import type { Pool } from '@hearth/db';
import { createApp } from '@hearth/http';
import type { Logger } from '@hearth/logging';
import { systemClock, type Clock } from '@hearth/time';
import { loggedDelivery, type InvitationDelivery } from './adapters/invitation-delivery';
import { signingKeys } from './adapters/signing-keys';
import type { IdentityConfig } from './config';
import type { IdentityDeps } from './deps';
import { authRoutes } from './routes/auth';
import { invitationTokenRoutes } from './routes/invitation-token';
import { invitationRoutes } from './routes/invitations';
import { jwksRoute } from './routes/jwks';
import { organizationRoutes } from './routes/organizations';
import { userRoutes } from './routes/users';

export { identityMigrations, identitySchema } from './store/schema';

/**
 * Identity's HTTP app over an open, migrated pool (main.ts and the tests build it the same way).
 * Tests may give their own invitation delivery (an inbox) and a clock they move.
 */
export function buildIdentity(
  config: IdentityConfig,
  given: {
    pool: Pool;
    logger: Logger;
    deliverInvitation?: InvitationDelivery;
    clock?: Clock;
    /** The broker its outbox relay publishes to (main.ts): ready only when it answers. */
    broker?: Broker;
  },
): Express {
  const keys = signingKeys(
    config.JWT_KEY_ID,
    config.JWT_PRIVATE_KEY,
    config.JWT_PREVIOUS_PUBLIC_KEYS,
  );
  const deps: IdentityDeps = {
    config,
    pool: given.pool,
    logger: given.logger,
    clock: given.clock ?? systemClock,
    keys,
    deliverInvitation:
      given.deliverInvitation ?? loggedDelivery(given.logger, { revealToken: config.SEED_DEMO }),
  };
  // Identity verifies its own tokens with its own public keys: no HTTP call to itself.
  const verify = tokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    keys: { publicKeys: keys.publicKeys },
  });
  return createApp({
    service: 'identity',
    logger: deps.logger,
    readiness: {
      database: () => deps.pool.query('SELECT 1'),
      ...(given.broker ? { broker: () => given.broker!.check() } : {}),
    },
    authenticate: authenticate(verify),
    publicRoutes: (api) => {
      authRoutes(api, deps);
      invitationTokenRoutes(api, deps);
    },
    routes: (api) => {
      organizationRoutes(api, deps);
      invitationRoutes(api, deps); // before userRoutes: /users/invitations is not a user id
      userRoutes(api, deps);
    },
    root: (app) => jwksRoute(app, keys),
  });
}
