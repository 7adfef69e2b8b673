import type { EventAuthor } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { EmploymentChanged, EmploymentRecorded } from '@hearth/events';
import { announce } from '../events/enrollments';
import type { EnrollmentRecord } from '../store/enrollments';
import { payEntriesOf, type EmploymentRecord } from '../store/employments';

/** The job as its events carry it: codes, dates and the pay in effect, no employer name. */
async function employmentFacts(db: Queryable, job: EmploymentRecord) {
  const current = (await payEntriesOf(db, [job.id])).get(job.id)?.at(-1);
  return {
    employmentId: job.id,
    enrollmentId: job.enrollmentId,
    participantId: job.participantId,
    orgId: job.orgId,
    startDate: job.startDate,
    endDate: job.endDate,
    employmentType: job.employmentType,
    naicsCode: job.naicsCode,
    currentPay: current
      ? {
          effectiveDate: current.effectiveDate,
          onetCode: current.onetCode,
          hourlyPayCents: current.hourlyPayCents,
          hoursPerWeek: current.hoursPerWeek,
        }
      : null,
    version: job.version,
  };
}

export async function announceEmployment(
  tx: Queryable,
  enrollment: EnrollmentRecord,
  job: EmploymentRecord,
  author: EventAuthor,
  what: 'recorded' | 'changed',
): Promise<void> {
  const definition = what === 'recorded' ? EmploymentRecorded : EmploymentChanged;
  await announce(tx, definition, enrollment, author, await employmentFacts(tx, job));
}
