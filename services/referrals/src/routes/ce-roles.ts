import type { Actor } from '@hearth/auth';
import { forbidden } from '@hearth/http';

/**
 * Coordinated entry gives some acts to named roles (the CE quick reference): a CE manager keeps
 * the queue and matches; a case worker or CE manager assesses. Other staff are refused, 403.
 */
export function requireRole(actor: Actor, roles: readonly string[], act: string): void {
  if (!actor.roles.some((r) => roles.includes(r)))
    throw forbidden(`Only ${roles.join(' or ')} staff ${act}.`);
}
