import type { Actor } from '@hearth/auth';
import { unprocessable } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { recordsOn } from '../domain/rent-assistance-record';
import { findEnrollment } from '../store/enrollments';
import { findServiceType, findServiceTypeNamed } from '../store/service-types';
import type { ServiceRecord } from '../store/services';
import { stillAssociated } from './check-goals';
import { recordService } from './record-service';

const orUndefined = <T>(v: T | null) => v ?? undefined;

/**
 * Copy a service (the route has decided the actor may change it) to another enrollment of the same
 * participant: a new record with its own version, of the type of the same name in the target
 * program's catalog, meeting every rule a new service meets there (active on the service date,
 * the type's comment and provided-by rules). It keeps who provided the service and names the
 * original (a copy of a copy names the first original), and announces services.service.recorded.
 */
export async function copyService(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  source: ServiceRecord,
  enrollmentId: string,
): Promise<ServiceRecord> {
  const refuse = (message: string) =>
    unprocessable('The service cannot be copied there.', [{ field: 'enrollmentId', message }]);
  if (enrollmentId === source.enrollmentId)
    throw refuse('The service is on this enrollment already: choose another');
  const target = await findEnrollment(deps.pool, enrollmentId);
  const type = (await findServiceType(deps.pool, source.serviceTypeId))!; // a foreign key holds it
  // an unknown enrollment, or one the actor's organization does not record on, is left to the
  // placement check below
  const ours = target && recordsOn(actor.orgId, target);
  const same = ours
    ? await findServiceTypeNamed(deps.pool, target.programId, type.name)
    : undefined;
  if (ours && !same) throw refuse(`Its program's catalog has no service type named "${type.name}"`);
  return recordService(
    deps,
    actor,
    {
      participantId: source.participantId,
      enrollmentId,
      serviceTypeId: same?.id ?? type.id,
      serviceDate: source.serviceDate,
      comment: orUndefined(source.comment),
      providedBy: orUndefined(source.providedBy),
      startDate: orUndefined(source.startDate),
      targetEndDate: orUndefined(source.targetEndDate),
      status: orUndefined(source.status),
      units: orUndefined(source.units),
      amountCents: orUndefined(source.amountCents),
      ...(await stillAssociated(deps.pool, actor, source.participantId, source)),
    },
    { copiedFromId: source.copiedFromId ?? source.id, staffUserId: source.staffUserId },
  );
}
