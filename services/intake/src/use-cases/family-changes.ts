import { withTransaction, type Pool, type Queryable } from '@hearth/db';
import { conflict, notFound, onUniqueViolation } from '@hearth/http';
import { lockFamilies, activeMembers } from '../store/families';

/*
 * What every change to families shares. Access checks run on the pool before the change's
 * transaction, so a denial's audit row survives the 404; the transaction then re-checks what it
 * relies on under a lock.
 */

export const changedMeanwhile = () =>
  conflict('Someone changed these families at the same time; reload and try again.');

/** One transaction per request; a unique index lost to a concurrent request is a 409, not a 500. */
export const changeFamilies = <T>(pool: Pool, work: (tx: Queryable) => Promise<T>) =>
  withTransaction(pool, work).catch(onUniqueViolation(changedMeanwhile()));

/** The family's active members, locked; 404 when it vanished or the member we were let in by left. */
export async function lockedMembers(tx: Queryable, familyId: string, gateId?: string) {
  const active = (await lockFamilies(tx, [familyId])).length
    ? await activeMembers(tx, familyId)
    : [];
  if (!active.length || (gateId && !active.some((m) => m.participantId === gateId)))
    throw notFound('The family');
  return active;
}
