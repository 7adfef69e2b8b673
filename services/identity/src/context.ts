import type { Pool } from '@hearth/db';
import type { Logger } from '@hearth/logging';
import type { InvitationDelivery } from './adapters/invitation-delivery';
import type { IdentityConfig } from './config';
import type { SigningKeys } from './domain/signing-keys';

/** What identity's routes are given. */
export interface IdentityContext {
  config: IdentityConfig;
  pool: Pool;
  logger: Logger;
  keys: SigningKeys;
  deliverInvitation: InvitationDelivery;
}
