import type { Queryable } from '@hearth/db';
import type { ReferralStatus } from '../domain/referral-status';
import { referralCoreColumns, type ReferralCore } from './referrals';

/** A closed-loop referral as it is answered: the core (002) and its details (011). */
export interface Referral extends ReferralCore {
  fromUserName: string | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  comment: string | null;
  receiverComment: string | null;
  needIds: string[];
  barrierIds: string[];
  releasedCategories: string[];
  outcome: { date: string; result: string; comment: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

const columns = `${referralCoreColumns}, r.from_user_name, r.contact_name, r.contact_phone,
  r.contact_email, r.comment, r.receiver_comment, r.need_ids, r.barrier_ids, r.released_categories,
  to_char(r.outcome_date, 'YYYY-MM-DD') AS outcome_date, r.outcome_result, r.outcome_comment,
  r.created_at, r.updated_at`;

type Row = ReferralCore & Record<string, unknown>;

function toReferral(row: Row): Referral {
  const { from_user_name, contact_name, contact_phone, contact_email, comment, receiver_comment } =
    row;
  return {
    id: row.id,
    participantId: row.participantId,
    fromOrgId: row.fromOrgId,
    fromUserId: row.fromUserId,
    toOrgId: row.toOrgId,
    referralService: row.referralService,
    referralDate: row.referralDate,
    status: row.status,
    queueEntryId: row.queueEntryId,
    vacancyId: row.vacancyId,
    version: row.version,
    fromUserName: from_user_name as string | null,
    contact: {
      name: contact_name as string | null,
      phone: contact_phone as string | null,
      email: contact_email as string | null,
    },
    comment: comment as string | null,
    receiverComment: receiver_comment as string | null,
    needIds: row.need_ids as string[],
    barrierIds: row.barrier_ids as string[],
    releasedCategories: row.released_categories as string[],
    outcome: row.outcome_date
      ? {
          date: row.outcome_date as string,
          result: row.outcome_result as string,
          comment: row.outcome_comment as string | null,
        }
      : null,
    createdAt: (row.created_at as Date).toISOString(),
    updatedAt: (row.updated_at as Date).toISOString(),
  };
}

export interface ReferralDetails {
  fromUserName: string;
  contact: { name: string; phone: string | null; email: string | null };
  comment: string | null;
  receiverComment: string | null;
  needIds: string[];
  barrierIds: string[];
  releasedCategories: string[];
}

/** Write the details of a referral the caller holds (just inserted, or locked). */
export async function saveDetails(
  tx: Queryable,
  id: string,
  d: Partial<ReferralDetails> & { referralDate?: string },
  at: Date,
  bumpVersion: boolean,
): Promise<void> {
  await tx.query(
    `UPDATE referrals SET
       from_user_name = coalesce($2, from_user_name),
       contact_name = coalesce($3, contact_name), contact_phone = coalesce($4, contact_phone),
       contact_email = coalesce($5, contact_email),
       comment = CASE WHEN $6 THEN $7 ELSE comment END,
       receiver_comment = CASE WHEN $8 THEN $9 ELSE receiver_comment END,
       need_ids = coalesce($10, need_ids), barrier_ids = coalesce($11, barrier_ids),
       released_categories = coalesce($12, released_categories),
       referral_date = coalesce($13, referral_date),
       version = version + $14, updated_at = $15
     WHERE id = $1`,
    [
      id,
      d.fromUserName ?? null,
      d.contact?.name ?? null,
      d.contact?.phone ?? null,
      d.contact?.email ?? null,
      d.comment !== undefined,
      d.comment ?? null,
      d.receiverComment !== undefined,
      d.receiverComment ?? null,
      d.needIds ?? null,
      d.barrierIds ?? null,
      d.releasedCategories ?? null,
      d.referralDate ?? null,
      bumpVersion ? 1 : 0,
      at,
    ],
  );
}

export async function saveOutcome(
  tx: Queryable,
  id: string,
  o: { date: string; result: string; comment: string | null; by: string },
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE referrals SET outcome_date = $2, outcome_result = $3, outcome_comment = $4,
       outcome_recorded_by = $5, version = version + 1, updated_at = $6
     WHERE id = $1`,
    [id, o.date, o.result, o.comment, o.by, at],
  );
}

export async function markDeleted(tx: Queryable, id: string, by: string, at: Date) {
  await tx.query(
    `UPDATE referrals SET deleted_at = $2, deleted_by = $3, version = version + 1, updated_at = $2
     WHERE id = $1`,
    [id, at, by],
  );
}

/** A referral not deleted, with its details. */
export async function findReferral(db: Queryable, id: string): Promise<Referral | undefined> {
  const { rows } = await db.query<Row>(
    `SELECT ${columns} FROM referrals r WHERE r.id = $1 AND r.deleted_at IS NULL`,
    [id],
  );
  return rows[0] && toReferral(rows[0]);
}

/** Does `orgId` receive a referral of this participant that still grants it a read? */
export async function holdsReferralGrant(
  db: Queryable,
  participantId: string,
  orgId: string,
  granting: readonly ReferralStatus[],
): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM referrals WHERE participant_id = $1 AND to_org_id = $2
       AND deleted_at IS NULL AND status = ANY($3::text[]) LIMIT 1`,
    [participantId, orgId, granting],
  );
  return rows.length > 0;
}

export interface ReferralPosition {
  referralDate: string;
  id: string;
}

/**
 * Referrals, newest first, after the cursor's position: `where` (built with the caller's
 * parameters, `params` already holding its values) says which ones the actor may see.
 */
export async function listReferrals(
  db: Queryable,
  where: string,
  params: unknown[],
  after: ReferralPosition | undefined,
  limit: number,
): Promise<Referral[]> {
  const p = [...params, after?.referralDate ?? null, after?.id ?? null, limit];
  const n = params.length;
  const { rows } = await db.query<Row>(
    `SELECT ${columns} FROM referrals r
     LEFT JOIN sharing_facts sf ON sf.participant_id = r.participant_id
     WHERE r.deleted_at IS NULL AND (${where})
       AND ($${n + 1}::date IS NULL OR (r.referral_date, r.id) < ($${n + 1}::date, $${n + 2}::uuid))
     ORDER BY r.referral_date DESC, r.id DESC LIMIT $${n + 3}`,
    p,
  );
  return rows.map(toReferral);
}
