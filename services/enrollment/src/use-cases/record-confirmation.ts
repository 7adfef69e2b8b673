import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { EmploymentConfirmationRecorded } from '@hearth/events';
import { notFound, unprocessable, type FieldError } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import { confirmationProblems } from '../domain/employment';
import { announce } from '../events/enrollments';
import type { newConfirmation } from '../routes/workforce-schemas';
import { insertConfirmation, type ConfirmationRecord } from '../store/confirmations';
import { findEmployment } from '../store/employments';
import { findEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { relatedServiceProblem } from '../store/service-facts';

/**
 * A confirmation that the participant works (or not) at the job: what makes a job count toward
 * performance. Checked under the enrollment's lock, so an exit recorded or removed meanwhile is the
 * one the quarter rule sees.
 */
export function recordConfirmation(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  employmentId: string,
  body: z.infer<typeof newConfirmation>,
): Promise<ConfirmationRecord> {
  return withTransaction(deps.pool, async (tx) => {
    // the enrollment first, as an exit locks it: the quarter rule sees the exit as it stands
    const enrollment = (await findEnrollment(tx, enrollmentId, { lock: true })) as EnrollmentRecord;
    const job = await findEmployment(tx, enrollmentId, employmentId, { lock: true });
    if (!job) throw notFound('The employment');
    const errors = [
      ...confirmationProblems(job, enrollment.exitDate, body, dateOf(deps.clock())),
      ...(await relatedServiceErrors(tx, body.relatedServiceId, job.participantId)),
    ];
    if (errors.length) throw unprocessable('The confirmation cannot be recorded.', errors);
    const saved = await insertConfirmation(tx, {
      id: randomUUID(),
      employmentId: job.id,
      ...body,
      staff: { userId: actor.userId, name: actor.name },
    });
    await announce(tx, EmploymentConfirmationRecorded, enrollment, authorOf(actor), {
      confirmationId: saved.id,
      employmentId: job.id,
      enrollmentId,
      participantId: job.participantId,
      confirmationDate: saved.confirmationDate,
      kind: saved.kind,
      period: saved.period,
      status: saved.status,
      relatedServiceId: saved.relatedServiceId,
    });
    return saved;
  });
}

/** A related training service must be one the services service recorded for this participant. */
export async function relatedServiceErrors(
  db: Queryable,
  serviceId: string | null,
  participantId: string,
): Promise<FieldError[]> {
  if (serviceId === null) return [];
  const problem = await relatedServiceProblem(db, serviceId, participantId);
  return problem ? [{ field: 'relatedServiceId', message: problem }] : [];
}
