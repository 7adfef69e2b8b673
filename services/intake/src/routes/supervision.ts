import type { Actor } from '@hearth/auth';
import { forbidden } from '@hearth/http';

/** Finding, linking and dismissing duplicates is a supervisor's call (DOMAIN: Cross-cutting). */
export function requireSupervisor(actor: Actor): void {
  if (!actor.roles.includes('supervisor'))
    throw forbidden('Only a supervisor can review, link or dismiss duplicate records.');
}
