import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { ServiceRecorded, createEvent } from '@hearth/events';
import { unprocessable } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { ServicesDeps } from '../deps';
import { placementProblems, typeRuleProblems, type ServiceFields } from '../domain/service-record';
import { findEnrollment } from '../store/enrollments';
import { findServiceType } from '../store/service-types';
import { insertService, type ServiceRecord } from '../store/services';

export type NewService = ServiceFields & { enrollmentId: string; serviceTypeId: string };

/**
 * Record a service (the route has passed the participant gate for writing). The enrollment is
 * held (FOR SHARE) until commit so an exit cannot slip in between the check and the insert; the
 * record and `services.service.recorded` commit together.
 *
 * "Today" is the UTC date: the organization's time zone is not known to this service yet, so a
 * worker west of UTC late in the evening may record today's service, never tomorrow's.
 */
export function recordService(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  s: NewService,
): Promise<ServiceRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const found = await findEnrollment(tx, s.enrollmentId);
    // another organization's enrollment is not one this worker can record on: as if unknown
    const enrollment = found && found.orgId === actor.orgId ? found : undefined;
    const placement = placementProblems(s, enrollment, dateOf(deps.clock()));
    if (placement.length) throw unprocessable('The service cannot be recorded there.', placement);
    const type = await findServiceType(tx, s.serviceTypeId);
    if (!type || type.orgId !== actor.orgId || type.programId !== enrollment!.programId)
      throw unprocessable('The service type is not in the catalog of the enrollment program.', [
        { field: 'serviceTypeId', message: "Not a service type of this enrollment's program" },
      ]);
    const rules = typeRuleProblems(s, type);
    if (rules.length) throw unprocessable('The service type asks for more.', rules);
    const saved = await insertService(tx, {
      id: randomUUID(),
      orgId: actor.orgId,
      participantId: s.participantId,
      enrollmentId: s.enrollmentId,
      serviceTypeId: type.id,
      serviceDate: s.serviceDate,
      staffUserId: actor.userId,
      comment: s.comment ?? null,
      providedBy: s.providedBy ?? null,
      startDate: s.startDate ?? null,
      targetEndDate: s.targetEndDate ?? null,
      status: s.status ?? null,
      units: s.units ?? null,
      amountCents: s.amountCents ?? null,
      createdBy: actor.userId,
    });
    await recordEvent(
      tx,
      createEvent(ServiceRecorded, {
        orgId: actor.orgId,
        ...authorOf(actor),
        data: {
          serviceId: saved.id,
          participantId: saved.participantId,
          enrollmentId: saved.enrollmentId,
          serviceTypeId: type.id,
          serviceDate: saved.serviceDate,
          startsParticipation: type.startsParticipation,
          qualifying: type.updatesLastQualifyingDate,
        },
      }),
    );
    return saved;
  });
}
