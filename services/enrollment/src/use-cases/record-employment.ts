import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import {
  conflict,
  notFound,
  onUniqueViolation,
  requireCurrentVersion,
  unprocessable,
} from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import { employmentProblems, payEntryProblems } from '../domain/employment';
import type { employmentChanges, newEmployment, newPayEntry } from '../routes/workforce-schemas';
import { confirmationsOf } from '../store/confirmations';
import type { EnrollmentRecord } from '../store/enrollments';
import {
  findEmployment,
  insertEmployment,
  insertPayEntry,
  payEntriesOf,
  updateEmployment,
  type EmploymentRecord,
} from '../store/employments';
import { announceEmployment } from './employment-events';

type Deps = Pick<EnrollmentDeps, 'pool' | 'clock'>;

/** A job a participant of the enrollment obtained (in program or after exit): the first save. */
export function recordEmployment(
  deps: Deps,
  actor: Actor,
  enrollment: EnrollmentRecord,
  body: z.infer<typeof newEmployment>,
): Promise<EmploymentRecord> {
  const errors = employmentProblems(body, dateOf(deps.clock()));
  if (errors.length) throw unprocessable('The employment cannot be recorded.', errors);
  return withTransaction(deps.pool, async (tx) => {
    const job = await insertEmployment(
      tx,
      { id: randomUUID(), enrollmentId: enrollment.id, orgId: enrollment.orgId, ...body },
      actor.userId,
    );
    await announceEmployment(tx, enrollment, job, authorOf(actor), 'recorded');
    return job;
  });
}

/** The job's details or dates changed (its end, mostly), checked against its pay entries. */
export function changeEmployment(
  deps: Deps,
  actor: Actor,
  enrollment: EnrollmentRecord,
  employmentId: string,
  { version, ...changes }: z.infer<typeof employmentChanges>,
): Promise<EmploymentRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const job = await lockedJob(tx, enrollment.id, employmentId);
    requireCurrentVersion('employment', job.version, version);
    const pays = (await payEntriesOf(tx, [job.id])).get(job.id)!;
    const confirmations = (await confirmationsOf(tx, [job.id])).get(job.id)!;
    const after = { ...job, ...definedOnly(changes) };
    const errors = employmentProblems(
      after,
      dateOf(deps.clock()),
      pays.map((p) => p.effectiveDate),
      confirmations.map((c) => c.confirmationDate),
    );
    if (errors.length) throw unprocessable('The employment cannot be changed.', errors);
    const changed = await updateEmployment(tx, job.id, definedOnly(changes));
    await announceEmployment(tx, enrollment, changed, authorOf(actor), 'changed');
    return changed;
  });
}

/** The second save: pay and benefits from an effective date; a raise is one more entry. */
export function addPayEntry(
  deps: Deps,
  actor: Actor,
  enrollment: EnrollmentRecord,
  employmentId: string,
  body: z.infer<typeof newPayEntry>,
) {
  return withTransaction(deps.pool, async (tx) => {
    const job = await lockedJob(tx, enrollment.id, employmentId);
    const errors = payEntryProblems(job, body.effectiveDate, dateOf(deps.clock()));
    if (errors.length) throw unprocessable('The pay entry cannot be recorded.', errors);
    const entry = await insertPayEntry(
      tx,
      job.id,
      { id: randomUUID(), ...body },
      actor.userId,
    ).catch(onUniqueViolation(sameDate(body.effectiveDate)));
    const changed = await updateEmployment(tx, job.id, {});
    await announceEmployment(tx, enrollment, changed, authorOf(actor), 'changed');
    return entry;
  });
}

const sameDate = (date: string) =>
  conflict(`This job has a pay entry effective ${date} already; a change of pay is a new date.`, [
    { field: 'effectiveDate', message: 'Already used for this job' },
  ]);

async function lockedJob(
  tx: Parameters<typeof findEmployment>[0],
  enrollmentId: string,
  employmentId: string,
): Promise<EmploymentRecord> {
  const job = await findEmployment(tx, enrollmentId, employmentId, { lock: true });
  if (!job) throw notFound('The employment');
  return job;
}

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
