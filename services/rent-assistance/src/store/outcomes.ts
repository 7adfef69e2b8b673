import type { Queryable } from '@hearth/db';
import { personKeysOf } from '@hearth/people';
import type { MeasuresQuery, RecordOutcomeBody } from '../domain/outcome';

export interface Outcome extends RecordOutcomeBody {
  enrollmentId: string;
  recordedOn: string;
  recordedBy: string;
}

const columns = `enrollment_id AS "enrollmentId", type, housing_status AS "housingStatus",
  to_char(recorded_on, 'YYYY-MM-DD') AS "recordedOn", recorded_by AS "recordedBy"`;

/** Undefined when the record has an outcome of this type already (each is recorded once). */
export async function insertOutcome(tx: Queryable, o: Outcome): Promise<Outcome | undefined> {
  const { rows } = await tx.query<Outcome>(
    `INSERT INTO ra_outcomes (enrollment_id, type, housing_status, recorded_on, recorded_by)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING ${columns}`,
    [o.enrollmentId, o.type, o.housingStatus, o.recordedOn, o.recordedBy],
  );
  return rows[0];
}

export async function outcomesOf(db: Queryable, enrollmentId: string): Promise<Outcome[]> {
  const { rows } = await db.query<Outcome>(
    `SELECT ${columns} FROM ra_outcomes WHERE enrollment_id = $1
     ORDER BY array_position(ARRAY['at_exit', 'six_month_retention', 'twelve_month_retention'], type)`,
    [enrollmentId],
  );
  return rows;
}

/**
 * A later return (I-Trac RA guide, Received RA Again): the participant's new record at the hub
 * marks each earlier episode of theirs there exited after the program (never a pre-program exit)
 * before the new application date. Enrollment refuses a new record within 90 days of an exit (the
 * old one continues), so a new record is the return after 90 days: the 90 days are not counted
 * again here. Once: an episode keeps the first record that marked it.
 */
export async function markReceivedRaAgain(
  tx: Queryable,
  r: { enrollmentId: string; participantId: string; hubOrgId: string; applicationDate: string },
) {
  await tx.query(
    `UPDATE ra_records SET received_ra_again_in = $1, received_ra_again_on = $4,
       version = version + 1
     WHERE participant_id = $2 AND hub_org_id = $3 AND enrollment_id <> $1
       AND exit_date IS NOT NULL AND exit_date < $4 AND status <> 'pre_program_exit'
       AND pre_program_exit_on IS NULL AND received_ra_again_in IS NULL`,
    [r.enrollmentId, r.participantId, r.hubOrgId, r.applicationDate],
  );
}

/**
 * The hub's measures (I-Trac RA guide, Hub Measures) over its episodes that received Rapid
 * Rehousing or Homeless Prevention, never a pre-program exit nor an episode marked "received RA
 * again": people served (an RRH/HP service dated in the period; records linked in intake count as
 * one person, chains of links followed), and for 6 and 12 months the cohort whose retention point
 * (exit date + months) falls in the period and how many of it were recorded housed then (unknown,
 * not housed or nothing recorded count as not housed).
 */
export async function hubMeasures(db: Queryable, hubOrgId: string, q: MeasuresQuery) {
  const { rows } = await db.query<{
    servedIds: string[];
    cohort6: number;
    housed6: number;
    cohort12: number;
    housed12: number;
  }>(
    `WITH episodes AS (
       SELECT r.enrollment_id, r.participant_id, r.exit_date,
         EXISTS (SELECT 1 FROM record_services s WHERE s.enrollment_id = r.enrollment_id
           AND s.kind = 'housing_support' AND NOT s.deleted AND s.service_date BETWEEN $2 AND $3)
           AS served_in_period
       FROM ra_records r
       WHERE r.hub_org_id = $1 AND r.pre_program_exit_on IS NULL AND r.received_ra_again_in IS NULL
         AND EXISTS (SELECT 1 FROM record_services s WHERE s.enrollment_id = r.enrollment_id
           AND s.kind = 'housing_support' AND NOT s.deleted)
         AND NOT EXISTS (SELECT 1 FROM ra_outcomes o WHERE o.enrollment_id = r.enrollment_id
           AND o.housing_status = 'received_ra_again')),
     retention AS (
       SELECT e.*, m.months, m.type,
         (SELECT o.housing_status FROM ra_outcomes o
           WHERE o.enrollment_id = e.enrollment_id AND o.type = m.type) AS status
       FROM episodes e
       CROSS JOIN (VALUES (6, 'six_month_retention'), (12, 'twelve_month_retention')) AS m (months, type)
       WHERE (e.exit_date + make_interval(months => m.months))::date BETWEEN $2 AND $3)
     SELECT
       (SELECT coalesce(array_agg(DISTINCT participant_id), '{}') FROM episodes
         WHERE served_in_period) AS "servedIds",
       (SELECT count(*)::int FROM retention WHERE months = 6) AS cohort6,
       (SELECT count(*)::int FROM retention WHERE months = 6 AND status = 'housed') AS housed6,
       (SELECT count(*)::int FROM retention WHERE months = 12) AS cohort12,
       (SELECT count(*)::int FROM retention WHERE months = 12 AND status = 'housed') AS housed12`,
    [hubOrgId, q.from, q.to],
  );
  const { servedIds, ...cohorts } = rows[0]!;
  // how many people the records are: each known by its person's key (libs/people)
  const people = new Set((await personKeysOf(db, servedIds)).values());
  return { served: people.size, ...cohorts };
}

export interface DueRetention {
  enrollmentId: string;
  participantId: string;
  hubOrgId: string;
  type: 'six_month_retention' | 'twelve_month_retention';
  dueDate: string;
}

/**
 * The retention follow-ups due by `today` not announced yet, claimed (each once): records exited
 * after the program, housed at exit, not marked received RA again, whose outcome of that type is
 * not recorded, a full 6 or 12 months after the exit date (the date arithmetic of outcomeDueOn).
 */
export async function claimDueRetentions(
  tx: Queryable,
  today: string,
  now: Date,
): Promise<DueRetention[]> {
  const { rows } = await tx.query<DueRetention>(
    `WITH due AS (
       SELECT r.enrollment_id, r.participant_id, r.hub_org_id, m.type,
         (r.exit_date + make_interval(months => m.months))::date AS due_date
       FROM ra_records r
       CROSS JOIN (VALUES (6, 'six_month_retention'), (12, 'twelve_month_retention')) AS m (months, type)
       WHERE r.exit_date IS NOT NULL AND r.pre_program_exit_on IS NULL
         AND r.received_ra_again_in IS NULL
         AND (r.exit_date + make_interval(months => m.months))::date <= $1
         AND EXISTS (SELECT 1 FROM ra_outcomes o WHERE o.enrollment_id = r.enrollment_id
           AND o.type = 'at_exit' AND o.housing_status = 'housed')
         AND NOT EXISTS (SELECT 1 FROM ra_outcomes o WHERE o.enrollment_id = r.enrollment_id
           AND (o.type = m.type OR o.housing_status = 'received_ra_again'))),
     claimed AS (
       INSERT INTO retention_announcements (enrollment_id, type, announced_at)
       SELECT enrollment_id, type, $2 FROM due ON CONFLICT DO NOTHING
       RETURNING enrollment_id, type)
     SELECT due.enrollment_id AS "enrollmentId", due.participant_id AS "participantId",
       due.hub_org_id AS "hubOrgId", due.type, to_char(due.due_date, 'YYYY-MM-DD') AS "dueDate"
     FROM due JOIN claimed USING (enrollment_id, type)
     ORDER BY due.due_date, due.enrollment_id, due.type`,
    [today, now],
  );
  return rows;
}
