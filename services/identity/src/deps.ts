import type { Pool } from '@hearth/db';
import type { Logger } from '@hearth/logging';
import type { Clock } from '@hearth/time';
import type { InvitationDelivery } from './adapters/invitation-delivery';
import type { SigningKeys } from './adapters/signing-keys';
import type { IdentityConfig } from './config';

/**
 * What identity's routes and use cases are given, built once in app.ts. Identity boots itself (it
 * issues the tokens the shared runtime verifies), so this is its own ServiceContext of the same
 * style: config, logger, pool and clock, plus its adapters.
 */
export interface IdentityDeps {
  config: IdentityConfig;
  pool: Pool;
  logger: Logger;
  /** "Now" for every rule that decides on time (the login throttle, invitations' expiry). */
  clock: Clock;
  keys: SigningKeys;
  deliverInvitation: InvitationDelivery;
}
