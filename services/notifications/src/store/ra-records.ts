import type { Queryable } from '@hearth/db';

/** A record's snapshot from enrollment: who coaches, which hub reviews, since when, ended when. */
export async function keepRecordSnapshot(
  tx: Queryable,
  r: {
    enrollmentId: string;
    participantId: string;
    coachOrgId: string;
    hubOrgId: string;
    applicationDate: string;
    endedOn: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO ra_records_seen (enrollment_id, participant_id, coach_org_id, hub_org_id,
       application_date, ended_on)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (enrollment_id) DO UPDATE SET coach_org_id = EXCLUDED.coach_org_id,
       hub_org_id = EXCLUDED.hub_org_id, application_date = EXCLUDED.application_date,
       ended_on = coalesce(ra_records_seen.ended_on, EXCLUDED.ended_on)`,
    [r.enrollmentId, r.participantId, r.coachOrgId, r.hubOrgId, r.applicationDate, r.endedOn],
  );
}

/** The hub's review or the record's pre-program exit, kept even before the snapshot arrives. */
export async function keepRecordOutcome(
  tx: Queryable,
  r: { enrollmentId: string; participantId: string; hubOrgId: string },
  outcome: { reviewedOn: string } | { endedOn: string },
): Promise<void> {
  const reviewedOn = 'reviewedOn' in outcome ? outcome.reviewedOn : null;
  const endedOn = 'endedOn' in outcome ? outcome.endedOn : null;
  await tx.query(
    `INSERT INTO ra_records_seen (enrollment_id, participant_id, hub_org_id, reviewed_on, ended_on)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (enrollment_id) DO UPDATE SET
       reviewed_on = coalesce(ra_records_seen.reviewed_on, EXCLUDED.reviewed_on),
       ended_on = coalesce(ra_records_seen.ended_on, EXCLUDED.ended_on)`,
    [r.enrollmentId, r.participantId, r.hubOrgId, reviewedOn, endedOn],
  );
}

export interface UnreviewedRecord {
  enrollmentId: string;
  participantId: string;
  coachOrgId: string;
  hubOrgId: string;
  applicationDate: string;
}

/**
 * Open, unreviewed records whose review is nearing on `today`: from `nearingDay` days after the
 * application date through the last review day (`windowDays` after it).
 */
export async function reviewsNearing(
  db: Queryable,
  today: string,
  nearingDay: number,
  windowDays: number,
): Promise<UnreviewedRecord[]> {
  const { rows } = await db.query<UnreviewedRecord>(
    `SELECT enrollment_id AS "enrollmentId", participant_id AS "participantId",
       coach_org_id AS "coachOrgId", hub_org_id AS "hubOrgId",
       to_char(application_date, 'YYYY-MM-DD') AS "applicationDate"
     FROM ra_records_seen
     WHERE reviewed_on IS NULL AND ended_on IS NULL AND coach_org_id IS NOT NULL
       AND application_date + $2::int <= $1::date AND application_date + $3::int >= $1::date`,
    [today, nearingDay, windowDays],
  );
  return rows;
}

export async function keepEngagementMonth(
  tx: Queryable,
  e: { enrollmentId: string; year: number; month: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO ra_engagements_seen (enrollment_id, year, month) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [e.enrollmentId, e.year, e.month],
  );
}

/** Open records reviewed by `monthEnd` whose engagement of that month was never verified. */
export async function engagementMissing(
  db: Queryable,
  month: { year: number; month: number; lastDay: string },
): Promise<Omit<UnreviewedRecord, 'applicationDate'>[]> {
  const { rows } = await db.query(
    `SELECT enrollment_id AS "enrollmentId", participant_id AS "participantId",
       coach_org_id AS "coachOrgId", hub_org_id AS "hubOrgId"
     FROM ra_records_seen r
     WHERE ended_on IS NULL AND coach_org_id IS NOT NULL AND reviewed_on <= $3::date
       AND NOT EXISTS (SELECT 1 FROM ra_engagements_seen e
         WHERE e.enrollment_id = r.enrollment_id AND e.year = $1 AND e.month = $2)`,
    [month.year, month.month, month.lastDay],
  );
  return rows;
}
