import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { readableOutcomes } from '../outcome-access';
import { confirmationsOf } from '../store/confirmations';
import { employmentsOf, payEntriesOf, type EmploymentRecord } from '../store/employments';

/** A job with its pay history and confirmations; it counts once someone confirmed it working. */
export async function employmentViews(db: Queryable, jobs: readonly EmploymentRecord[]) {
  const ids = jobs.map((j) => j.id);
  const [pays, confirmations] = await Promise.all([
    payEntriesOf(db, ids),
    confirmationsOf(db, ids),
  ]);
  return jobs.map((job) => {
    const confirmed = confirmations.get(job.id) ?? [];
    return {
      ...job,
      payEntries: pays.get(job.id) ?? [],
      confirmations: confirmed,
      countsTowardPerformance: confirmed.some((c) => c.status === 'working'),
    };
  });
}

/** The enrollment's jobs the actor may read (each participant's sharing decides). */
export async function employmentsSeenBy(
  db: Queryable,
  actor: Actor,
  enrollmentId: string,
  now: Date,
) {
  const jobs = await readableOutcomes(db, actor, await employmentsOf(db, enrollmentId), now);
  return employmentViews(db, jobs);
}
