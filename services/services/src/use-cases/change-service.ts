import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { ServiceDeleted, ServiceUpdated, createEvent } from '@hearth/events';
import { notFound, requireCurrentVersion } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { findServiceType, type ServiceType } from '../store/service-types';
import {
  lockService,
  markDeleted,
  updateService,
  type ServiceChanges,
  type ServiceRecord,
} from '../store/services';
import { keepVersion } from '../store/service-versions';
import { checkGoals } from './check-goals';
import { checkService } from './check-service';
import { checkStaff } from './check-staff';
import { serviceCategoryOf } from '../domain/service-category';

const announce = async (
  tx: Queryable,
  definition: typeof ServiceUpdated | typeof ServiceDeleted,
  actor: Actor,
  s: ServiceRecord,
  type: Pick<ServiceType, 'startsParticipation' | 'updatesLastQualifyingDate' | 'training'>,
) =>
  recordEvent(
    tx,
    createEvent(definition, {
      orgId: s.orgId,
      ...authorOf(actor),
      data: {
        serviceId: s.id,
        participantId: s.participantId,
        enrollmentId: s.enrollmentId,
        serviceTypeId: s.serviceTypeId,
        serviceDate: s.serviceDate,
        startsParticipation: type.startsParticipation,
        qualifying: type.updatesLastQualifyingDate,
        category: serviceCategoryOf(type),
        version: s.version,
      },
    }),
  );

const orUndefined = <T>(v: T | null) => v ?? undefined;

/** Edit the version the worker read (null clears a detail); the merged record meets every rule. */
export function editService(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  id: string,
  changes: Partial<ServiceChanges> & { version: number },
): Promise<ServiceRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const current = await lockService(tx, id);
    if (!current) throw notFound('The service'); // deleted since the gate read it
    requireCurrentVersion('service', current.version, changes.version);
    const { version: _read, ...fields } = changes;
    const next = { ...current, ...fields };
    // the staff stays as recorded (even once inactive) unless the edit names another
    if (next.staffUserId !== current.staffUserId) await checkStaff(tx, actor, next.staffUserId);
    const type = await checkService(tx, actor, deps.clock, {
      participantId: next.participantId,
      enrollmentId: next.enrollmentId,
      serviceTypeId: next.serviceTypeId,
      serviceDate: next.serviceDate,
      comment: orUndefined(next.comment),
      providedBy: orUndefined(next.providedBy),
      startDate: orUndefined(next.startDate),
      targetEndDate: orUndefined(next.targetEndDate),
      status: orUndefined(next.status),
      units: orUndefined(next.units),
      amountCents: orUndefined(next.amountCents),
    });
    // checked when the edit changes them: a goal regrouped since stays as recorded otherwise
    if (next.goalId !== current.goalId || next.barrierId !== current.barrierId)
      await checkGoals(tx, actor, next.participantId, next);
    await keepVersion(tx, current, 'edited', actor.userId, deps.clock());
    const saved = await updateService(tx, id, next, actor.userId);
    await announce(tx, ServiceUpdated, actor, saved, type);
    return saved;
  });
}

/** Soft delete: the record stays, marked, its last version kept, and `.deleted` says so. */
export function deleteService(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<void> {
  return withTransaction(deps.pool, async (tx) => {
    const current = await lockService(tx, id);
    if (!current) throw notFound('The service');
    const type = (await findServiceType(tx, current.serviceTypeId))!; // a foreign key holds it
    await keepVersion(tx, current, 'deleted', actor.userId, deps.clock());
    await markDeleted(tx, id, actor.userId);
    await announce(tx, ServiceDeleted, actor, current, type);
  });
}
