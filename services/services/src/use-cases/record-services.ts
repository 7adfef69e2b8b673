import { randomUUID } from 'node:crypto';
import { allowedParticipants, roleAllows } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { authorOf, recordEvents } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { ServiceRecorded, createEvent } from '@hearth/events';
import { forbidden, idempotently, unprocessable, type Answer, type FieldError } from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import type { ServicesDeps } from '../deps';
import { splitRows, type ManyServicesMode, type RowRefusal } from '../domain/many-services';
import { householdInEnrollment } from '../store/households';
import { insertServices } from '../store/services';
import { checkServiceRows, type ServiceRow, type SharedServiceRequest } from './check-service';
import { serviceCategoryOf } from '../domain/service-category';

export interface ManyServicesAnswer {
  recorded: Array<ServiceRow & { row: number; id: string }>;
  refused: RowRefusal[];
}
type Deps = Pick<ServicesDeps, 'pool' | 'clock' | 'logger'>;
type Request = SharedServiceRequest & { mode: ManyServicesMode };
const NOT_FOUND: FieldError = { field: 'participantId', message: 'The participant was not found' };

/**
 * One service for many participants (the body's rows, at most 1,000, each on its enrollment):
 * every row meets the rules of a single service and the participant gate, read in a few queries
 * for all rows; the valid rows and their `services.service.recorded` events commit in one
 * transaction, with the answer kept for the Idempotency-Key when one is sent.
 */
export function recordQuickServices(
  deps: Deps,
  actor: Actor,
  request: Request & { rows: ServiceRow[] },
  key: string | undefined,
): Promise<Answer<ManyServicesAnswer>> {
  const { rows, ...shared } = request;
  return recordMany(deps, actor, { key, request: ['quick', request] }, async () => ({
    shared,
    rows,
    label: 'rows',
  }));
}

/**
 * The service for the members of an enrollment who live in its head's current household (as
 * intake last described it), each checked like a row of a quick service (`members.<i>`).
 */
export function recordFamilyServices(
  deps: Deps,
  actor: Actor,
  request: Request & { enrollmentId: string },
  key: string | undefined,
): Promise<Answer<ManyServicesAnswer>> {
  const { enrollmentId, ...shared } = request;
  return recordMany(deps, actor, { key, request: ['family', request] }, async (tx) => {
    const members = await householdInEnrollment(tx, enrollmentId, actor.orgId);
    if (!members)
      throw unprocessable('The service cannot be recorded there.', [
        { field: 'enrollmentId', message: 'Not an enrollment of your organization' },
      ]);
    return {
      shared,
      rows: members.map((participantId) => ({ participantId, enrollmentId })),
      label: 'members',
    };
  });
}

interface Batch {
  shared: Request;
  rows: ServiceRow[];
  /** how the answer names a row: `rows.3` */
  label: string;
}

async function recordMany(
  deps: Deps,
  actor: Actor,
  idempotency: { key: string | undefined; request: unknown },
  batchOf: (tx: Queryable) => Promise<Batch>,
): Promise<Answer<ManyServicesAnswer>> {
  // the single route's gate answers 404 per participant; for many, a role that may write none is
  // told so once
  if (!roleAllows(actor, 'write')) throw forbidden('Your role may not record services.');
  const now = deps.clock();
  return withTransaction(deps.pool, (tx) =>
    idempotently(tx, { actorId: actor.userId, ...idempotency }, now, async () => {
      const { shared, rows, label } = await batchOf(tx);
      const { mode, ...fields } = shared;
      const sharing = await sharingOf(
        tx,
        rows.map((r) => r.participantId),
      );
      const allowed = allowedParticipants(deps.pool, actor, sharing, 'write', now, deps.logger);
      const { type, problems } = await checkServiceRows(tx, actor, deps.clock, fields, rows);
      // the gate before the enrollment: nothing about a hidden participant's enrollments leaks
      const { valid, refused } = splitRows(rows, label, (r, i) =>
        allowed.has(r.participantId) ? problems[i] : [NOT_FOUND],
      );
      if (!valid.length || (mode === 'all_or_nothing' && refused.length))
        throw unprocessable(
          valid.length ? 'Some rows cannot be recorded; nothing was.' : 'No row can be recorded.',
          refused.map(({ field, message }) => ({ field, message })),
        );
      const recorded = valid.map(({ row, participantId, enrollmentId }) => ({
        row,
        id: randomUUID(),
        participantId,
        enrollmentId,
      }));
      await insertServices(
        tx,
        {
          ...fields,
          orgId: actor.orgId,
          serviceTypeId: type.id,
          staffUserId: actor.userId,
          comment: fields.comment ?? null,
          providedBy: fields.providedBy ?? null,
          startDate: fields.startDate ?? null,
          targetEndDate: fields.targetEndDate ?? null,
          status: fields.status ?? null,
          units: fields.units ?? null,
          amountCents: fields.amountCents ?? null,
          goalId: null, // a goal is one participant's: a service for many names none
          barrierId: null,
          createdBy: actor.userId,
        },
        recorded,
      );
      const author = authorOf(actor);
      await recordEvents(
        tx,
        recorded.map((v) =>
          createEvent(ServiceRecorded, {
            orgId: actor.orgId,
            ...author,
            data: {
              serviceId: v.id,
              participantId: v.participantId,
              enrollmentId: v.enrollmentId,
              serviceTypeId: type.id,
              serviceDate: fields.serviceDate,
              startsParticipation: type.startsParticipation,
              qualifying: type.updatesLastQualifyingDate,
              category: serviceCategoryOf(type),
            },
          }),
        ),
      );
      return { status: 201, body: { recorded, refused } };
    }),
  );
}
