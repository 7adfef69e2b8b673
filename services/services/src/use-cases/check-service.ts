import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { unprocessable } from '@hearth/http';
import { organizationToday } from '@hearth/directory';
import type { Clock } from '@hearth/time';
import { placementProblems, typeRuleProblems, type ServiceFields } from '../domain/service-record';
import { findEnrollment } from '../store/enrollments';
import { findServiceType, type ServiceType } from '../store/service-types';

export type ServiceRequest = ServiceFields & { enrollmentId: string; serviceTypeId: string };

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
  const found = await findEnrollment(tx, s.enrollmentId);
  // another organization's enrollment is not one this worker can record on: as if unknown
  const enrollment = found && found.orgId === actor.orgId ? found : undefined;
  const today = await organizationToday(tx, actor.orgId, clock);
  const placement = placementProblems(s, enrollment, today);
  if (placement.length) throw unprocessable('The service cannot be recorded there.', placement);
  const type = await findServiceType(tx, s.serviceTypeId);
  if (!type || type.orgId !== actor.orgId || type.programId !== enrollment!.programId)
    throw unprocessable('The service type is not in the catalog of the enrollment program.', [
      { field: 'serviceTypeId', message: "Not a service type of this enrollment's program" },
    ]);
  const rules = typeRuleProblems(s, type);
  if (rules.length) throw unprocessable('The service type asks for more.', rules);
  return type;
}
