import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { conflict, forbidden, unprocessable } from '@hearth/http';
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
  requireHubStaff(actor, record);
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

/** The hub's work on a record (review, plans, payments) is for the chosen hub's `hub_staff` only. */
export function requireHubStaff(actor: Actor, record: Pick<RaRecord, 'hubOrgId'>) {
  if (actor.orgId !== record.hubOrgId || !actor.roles.includes('hub_staff'))
    throw forbidden("Only the chosen hub's staff (hub_staff) do this on the record.");
}

/** Plans and payments need a record the hub accepted and nobody exited. */
export function requireOpenReviewedRecord(record: RaRecord) {
  const exited = record.preProgramExitOn ?? record.exitDate;
  if (exited)
    throw unprocessable('The record is exited.', [
      { field: 'enrollmentId', message: `Exited on ${exited}` },
    ]);
  if (!record.reviewedOn)
    throw unprocessable('The hub has not reviewed the referral yet.', [
      { field: 'enrollmentId', message: 'Not reviewed' },
    ]);
}
