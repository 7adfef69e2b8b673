import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { conflict, forbidden } from '@hearth/http';
import type { Clock } from '@hearth/time';
import type { RaRecord } from '../store/records';

/**
 * What a review and a rejection share: only the chosen hub's `hub_staff` decide (the coach's
 * organization reads the record, it does not accept its own referral), once, on a record still
 * open; "today" is the hub's.
 */
export async function hubDecisionDay(
  tx: Queryable,
  clock: Clock,
  actor: Actor,
  record: RaRecord,
): Promise<string> {
  if (actor.orgId !== record.hubOrgId || !actor.roles.includes('hub_staff'))
    throw forbidden("Only the chosen hub's staff (hub_staff) decide on this referral.");
  if (record.reviewedOn)
    throw conflict('The referral was reviewed already.', [
      { field: 'enrollmentId', message: `Reviewed on ${record.reviewedOn}` },
    ]);
  if (record.preProgramExitOn || record.exitDate)
    throw conflict('The record is exited.', [
      {
        field: 'enrollmentId',
        message: `Exited on ${record.preProgramExitOn ?? record.exitDate}`,
      },
    ]);
  return organizationToday(tx, record.hubOrgId, clock);
}
