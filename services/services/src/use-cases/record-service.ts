import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction, type PoolClient } from '@hearth/db';
import type { Clock } from '@hearth/time';
import { ServiceRecorded, createEvent } from '@hearth/events';
import type { ServicesDeps } from '../deps';
import { insertService, type ServiceRecord } from '../store/services';
import { checkGoals } from './check-goals';
import { checkService, type ServiceRequest } from './check-service';
import { checkStaff } from './check-staff';
import { serviceCategoryOf } from '../domain/service-category';

/** A copy keeps who provided the original and names it (copy-service.ts). */
export interface CopyOrigin {
  copiedFromId: string;
  staffUserId: string;
}

/**
 * Record a service (the route has passed the participant gate for writing), provided by the actor
 * or by the active user a data-entry worker picks: the record and
 * `services.service.recorded` (what enrollment sets Participation and auto exit from) commit
 * together.
 */
export function recordService(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  s: ServiceRequest & { goalId?: string | null; barrierId?: string | null; staffUserId?: string },
  copy?: CopyOrigin,
): Promise<ServiceRecord> {
  return withTransaction(deps.pool, (tx) => recordServiceIn(tx, deps.clock, actor, s, copy));
}

/** The same in the caller's transaction (an imported service is recorded in its consumer's). */
export async function recordServiceIn(
  tx: PoolClient,
  clock: Clock,
  actor: Actor,
  s: ServiceRequest & { goalId?: string | null; barrierId?: string | null; staffUserId?: string },
  copy?: CopyOrigin,
): Promise<ServiceRecord> {
  // a copy keeps who provided the original; otherwise the actor, or whom a data-entry worker names
  const staffUserId = copy ? copy.staffUserId : await checkStaff(tx, actor, s.staffUserId);
  const type = await checkService(tx, actor, clock, s);
  await checkGoals(tx, actor, s.participantId, s);
  const saved = await insertService(tx, {
    id: randomUUID(),
    orgId: actor.orgId,
    participantId: s.participantId,
    enrollmentId: s.enrollmentId,
    serviceTypeId: type.id,
    serviceDate: s.serviceDate,
    staffUserId,
    comment: s.comment ?? null,
    providedBy: s.providedBy ?? null,
    startDate: s.startDate ?? null,
    targetEndDate: s.targetEndDate ?? null,
    status: s.status ?? null,
    units: s.units ?? null,
    amountCents: s.amountCents ?? null,
    goalId: s.goalId ?? null,
    barrierId: s.barrierId ?? null,
    copiedFromId: copy?.copiedFromId ?? null,
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
        category: serviceCategoryOf(type),
      },
    }),
  );
  return saved;
}
