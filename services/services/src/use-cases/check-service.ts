import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { unprocessable, type FieldError } from '@hearth/http';
import type { Clock } from '@hearth/time';
import {
  futureDateProblems,
  placementProblems,
  typeRuleProblems,
  type ServiceFields,
} from '../domain/service-record';
import { catalogServes, recordingProblems, recordsOn } from '../domain/rent-assistance-record';
import { findEnrollment, findEnrollments, type KnownEnrollment } from '../store/enrollments';
import { findServiceType, type ServiceType } from '../store/service-types';

export type ServiceRequest = ServiceFields & { enrollmentId: string; serviceTypeId: string };
/** What the rows of a service for many participants share: all but who and on which enrollment. */
export type SharedServiceRequest = Omit<ServiceRequest, 'participantId' | 'enrollmentId'>;
export interface ServiceRow {
  participantId: string;
  enrollmentId: string;
}

// another organization's enrollment is not one this worker can record on: as if unknown (a hub
// records on the Rent Assistance records it provides)
const ownEnrollment = (actor: Actor, found: KnownEnrollment | undefined) =>
  found && recordsOn(actor.orgId, found) ? found : undefined;

/**
 * Every rule a service record must meet, on a new one and on an edited one; answers its type.
 * The enrollment is held (FOR SHARE) until the caller commits, so an exit cannot slip in between
 * the check and the write.
 *
 * "Today" is the date on the organization's calendar (its time zone from identity); while that has
 * not arrived, the earliest date on Earth, so a future date is never accepted.
 */
export async function checkService(
  tx: Queryable,
  actor: Actor,
  clock: Clock,
  s: ServiceRequest,
): Promise<ServiceType> {
  const enrollment = ownEnrollment(actor, await findEnrollment(tx, s.enrollmentId));
  const today = await organizationToday(tx, actor.orgId, clock);
  const placement = placementProblems(s, enrollment, today);
  if (placement.length) throw unprocessable('The service cannot be recorded there.', placement);
  const type = await findServiceType(tx, s.serviceTypeId);
  if (
    !type ||
    !catalogServes(type.orgId, actor.orgId, enrollment!) ||
    type.programId !== enrollment!.programId
  )
    throw unprocessable('The service type is not in the catalog of the enrollment program.', [
      { field: 'serviceTypeId', message: "Not a service type of this enrollment's program" },
    ]);
  const whose = recordingProblems(actor.orgId, enrollment!, type);
  if (whose.length) throw unprocessable('Not a service your organization records here.', whose);
  const rules = typeRuleProblems(s, type);
  if (rules.length) throw unprocessable('The service type asks for more.', rules);
  return type;
}

/**
 * The same rules for one service given to many participants: what the rows share (the date is not
 * in the future, the type is in one of the actor's catalogs, or the hub's of every row's RA record,
 * and its rules are met) is checked once
 * and refused as a whole (422 on that field); then each row meets placementProblems and must be
 * in the type's program. Answers the type and each row's problems, by index (fields relative to
 * the row). The enrollments are read in one query and held FOR SHARE, as checkService holds one.
 */
export async function checkServiceRows(
  tx: Queryable,
  actor: Actor,
  clock: Clock,
  s: SharedServiceRequest,
  rows: readonly ServiceRow[],
): Promise<{ type: ServiceType; problems: FieldError[][] }> {
  const today = await organizationToday(tx, actor.orgId, clock);
  const future = futureDateProblems(s.serviceDate, today);
  if (future.length) throw unprocessable('The service cannot be recorded on that date.', future);
  const type = await findServiceType(tx, s.serviceTypeId);
  const enrollments = await findEnrollments(
    tx,
    rows.map((r) => r.enrollmentId),
  );
  // a hub's RA catalog serves a coach only when every row is a record of that hub's
  const served = (row: ServiceRow) => {
    const e = enrollments.get(row.enrollmentId);
    return e !== undefined && catalogServes(type!.orgId, actor.orgId, e);
  };
  if (!type || (type.orgId !== actor.orgId && !rows.every(served)))
    throw unprocessable('The service type is not in a catalog of your organization.', [
      { field: 'serviceTypeId', message: "Not a service type of your organization's programs" },
    ]);
  const rules = typeRuleProblems(s, type);
  if (rules.length) throw unprocessable('The service type asks for more.', rules);
  const problems = rows.map((row): FieldError[] => {
    const enrollment = ownEnrollment(actor, enrollments.get(row.enrollmentId));
    const placement = placementProblems({ ...s, ...row }, enrollment, today);
    if (placement.length) return placement;
    if (enrollment!.programId !== type.programId)
      return [
        { field: 'enrollmentId', message: 'Not an enrollment in the program of this service type' },
      ];
    return recordingProblems(actor.orgId, enrollment!, type);
  });
  return { type, problems };
}
