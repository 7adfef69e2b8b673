import type { Action, Actor, Role } from './types';

/**
 * What each role may do to client records. `admin` manages its own agency's users and
 * `system_admin` (the continuum's HMIS lead) registers organizations: neither sees client data.
 * `contract_manager` (a funder) reads but does not change records. `data_entry` types in what
 * other staff provided, so it may name them as the staff of a service.
 */
const GRANTS: Readonly<Record<Role, readonly Action[]>> = {
  caseworker: ['read', 'write', 'delete'],
  supervisor: ['read', 'write', 'delete'],
  ce_manager: ['read', 'write'],
  hub_staff: ['read', 'write'],
  contract_manager: ['read'],
  admin: [],
  // enters records for the staff who provided the service (picks them as staff), deletes nothing
  data_entry: ['read', 'write'],
  system_admin: [],
};

/**
 * Roles come from a token, so any string may arrive: only own keys of GRANTS count (a role named
 * `toString` or `__proto__` must grant nothing, not reach Object.prototype). Several roles: union.
 */
export function roleAllows(actor: Pick<Actor, 'roles'>, action: Action): boolean {
  return actor.roles.some(
    (role) => Object.hasOwn(GRANTS, role) && GRANTS[role as Role].includes(action),
  );
}
