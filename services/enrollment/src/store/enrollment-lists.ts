import { binder, visibleToSql, type Actor } from '@hearth/access';
import { sharingFactsColumns } from '@hearth/sharing';
import type { Queryable } from '@hearth/db';
import { toRecord, type EnrollmentRecord } from './enrollments';

/**
 * The enrollments of these participant ids (one person's records, as head or member, open and
 * exited), newest application first,
 * only those whose head the actor may read: an enrollment is its head's record, so a shared child
 * never reveals the enrollment of a head hidden from the actor (nor its page limit or cursor).
 */
export async function enrollmentsOf(
  db: Queryable,
  participantIds: string[],
  viewer: { actor: Actor; now: Date },
  page: { limit: number; after?: { applicationDate: string; id: string } },
): Promise<EnrollmentRecord[]> {
  const params: unknown[] = [
    participantIds,
    page.limit,
    page.after?.applicationDate ?? null,
    page.after?.id ?? null,
  ];
  const headVisible = visibleToSql(
    sharingFactsColumns('sf'),
    viewer.actor,
    viewer.now,
    binder(params),
  );
  const { rows } = await db.query(
    `SELECT e.* FROM enrollments e
     WHERE EXISTS (SELECT 1 FROM enrollment_members m
                   WHERE m.enrollment_id = e.id AND m.participant_id = ANY($1::uuid[]) AND m.removed_at IS NULL)
       AND EXISTS (SELECT 1 FROM sharing_facts sf
                   WHERE sf.participant_id = e.head_participant_id AND ${headVisible})
       AND ($3::date IS NULL OR (e.application_date, e.id) < ($3::date, $4::uuid))
     ORDER BY e.application_date DESC, e.id DESC LIMIT $2`,
    params,
  );
  return rows.map(toRecord);
}

/**
 * An open enrollment in the program headed by any of `headParticipantIds` (the records of one
 * person), if any: one record per program at a time.
 */
export async function openEnrollmentOf(
  db: Queryable,
  headParticipantIds: string[],
  programId: string,
): Promise<{ id: string; headParticipantId: string } | undefined> {
  const { rows } = await db.query(
    `SELECT id, head_participant_id FROM enrollments
     WHERE head_participant_id = ANY($1::uuid[]) AND program_id = $2 AND exit_date IS NULL
     ORDER BY application_date, id LIMIT 1`,
    [headParticipantIds, programId],
  );
  return rows[0] ? { id: rows[0].id, headParticipantId: rows[0].head_participant_id } : undefined;
}

/**
 * Open enrollments whose last activity (qualifying service, application, or reopening) is before
 * `cutoff`, locked for this transaction; rows another transaction holds (a user exiting it right
 * now) are skipped and caught on a later pass.
 */
export async function idleEnrollments(
  tx: Queryable,
  cutoff: string,
  limit: number,
): Promise<EnrollmentRecord[]> {
  const { rows } = await tx.query(
    `SELECT * FROM enrollments
     WHERE exit_date IS NULL
       AND greatest(coalesce(last_qualifying_service_date, application_date),
                    coalesce(reopened_on, application_date)) < $1
       -- an imported enrollment's services are still in the system it came from (Services.csv
       -- does not reach the services service yet): idle here is not idle there
       AND NOT EXISTS (SELECT 1 FROM hmis_import_enrollments i WHERE i.recorded_as = enrollments.id)
     ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [cutoff, limit],
  );
  return rows.map(toRecord);
}
