import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { orgUserOf } from '@hearth/directory';
import { forbidden, unprocessable } from '@hearth/http';
import { staffProblem } from '../domain/staff';

/**
 * The staff a new record names (the actor when none is picked), checked against the directory:
 * the one rule for a service's and a case note's staff.
 */
export async function checkStaff(
  db: Queryable,
  actor: Actor,
  staffUserId: string = actor.userId,
): Promise<string> {
  const candidate =
    staffUserId === actor.userId ? undefined : await orgUserOf(db, actor.orgId, staffUserId);
  const problem = staffProblem(actor, staffUserId, candidate);
  if (problem === 'forbidden')
    throw forbidden('Only data-entry staff may name another user as the staff of a record.');
  if (problem) throw unprocessable('The staff cannot provide this service.', [problem]);
  return staffUserId;
}
