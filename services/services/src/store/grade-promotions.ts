import type { Queryable } from '@hearth/db';

export interface GradePromotion {
  id: string;
  orgId: string;
  participantId: string;
  enrollmentId: string;
  promotionDate: string;
  providerType: string;
  comment: string | null;
  recordedBy: string;
  recordedAt: string;
}

const columns = `id, org_id AS "orgId", participant_id AS "participantId",
  enrollment_id AS "enrollmentId", promotion_date AS "promotionDate",
  provider_type AS "providerType", comment, recorded_by AS "recordedBy",
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"`;

/** Insert one; the unique (participant, date) index refuses a second one, racing or not. */
export async function insertGradePromotion(
  db: Queryable,
  p: Omit<GradePromotion, 'recordedAt'> & { recordedAt: Date },
): Promise<GradePromotion> {
  const { rows } = await db.query<GradePromotion>(
    `INSERT INTO grade_promotions (id, org_id, participant_id, enrollment_id, promotion_date,
       provider_type, comment, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${columns}`,
    [
      p.id,
      p.orgId,
      p.participantId,
      p.enrollmentId,
      p.promotionDate,
      p.providerType,
      p.comment,
      p.recordedBy,
      p.recordedAt,
    ],
  );
  return rows[0];
}

/** Which of these participants already have a promotion on the date. */
export async function promotedOn(
  db: Queryable,
  participantIds: string[],
  promotionDate: string,
): Promise<Set<string>> {
  const { rows } = await db.query<{ participantId: string }>(
    `SELECT participant_id AS "participantId" FROM grade_promotions
     WHERE participant_id = ANY($1::uuid[]) AND promotion_date = $2`,
    [participantIds, promotionDate],
  );
  return new Set(rows.map((r) => r.participantId));
}

/** One page of a participant's promotions, newest date first, `limit + 1` rows. */
export async function gradePromotionsOf(
  db: Queryable,
  participantIds: readonly string[], // a linked person's records: several
  after: { promotionDate: string; id: string } | undefined,
  limit: number,
): Promise<GradePromotion[]> {
  const { rows } = await db.query<GradePromotion>(
    `SELECT ${columns} FROM grade_promotions
     WHERE participant_id = ANY ($1::uuid[])
       AND ($2::date IS NULL OR (promotion_date, id) < ($2::date, $3::uuid))
     ORDER BY promotion_date DESC, id DESC LIMIT $4`,
    [participantIds, after?.promotionDate ?? null, after?.id ?? null, limit + 1],
  );
  return rows;
}
