import type { Queryable } from '@hearth/db';
import type { ReferralStatus } from '../domain/referral-status';

/** The core of every referral (migration 002); each part of the service reads more beside it. */
export interface ReferralCore {
  id: string;
  participantId: string;
  fromOrgId: string;
  fromUserId: string;
  toOrgId: string;
  referralService: string;
  referralDate: string;
  status: ReferralStatus;
  queueEntryId: string | null;
  vacancyId: string | null;
  version: number;
}

export const referralCoreColumns = `r.id, r.participant_id AS "participantId",
  r.from_org_id AS "fromOrgId", r.from_user_id AS "fromUserId", r.to_org_id AS "toOrgId",
  r.referral_service AS "referralService", to_char(r.referral_date, 'YYYY-MM-DD') AS "referralDate",
  r.status, r.queue_entry_id AS "queueEntryId", r.vacancy_id AS "vacancyId", r.version`;

/**
 * A new pending referral and the first line of its status history, in the caller's transaction.
 * A second open referral of one queue entry or one vacancy breaks a unique index (23505): the
 * caller turns it into its 409 (onUniqueViolation).
 */
export async function insertReferral(
  tx: Queryable,
  r: Omit<ReferralCore, 'status' | 'version'>,
  at: Date,
): Promise<ReferralCore> {
  const { rows } = await tx.query<ReferralCore>(
    `WITH r AS (
       INSERT INTO referrals (id, participant_id, from_org_id, from_user_id, to_org_id,
         referral_service, referral_date, queue_entry_id, vacancy_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING *)
     SELECT ${referralCoreColumns} FROM r`,
    [
      r.id,
      r.participantId,
      r.fromOrgId,
      r.fromUserId,
      r.toOrgId,
      r.referralService,
      r.referralDate,
      r.queueEntryId,
      r.vacancyId,
      at,
    ],
  );
  await tx.query(
    `INSERT INTO referral_status_changes
       (referral_id, seq, status, changed_at, changed_by, changed_by_org_id)
     VALUES ($1, 1, 'pending', $2, $3, $4)`,
    [r.id, at, r.fromUserId, r.fromOrgId],
  );
  return rows[0];
}

/** A referral not deleted, locked (FOR UPDATE) for the change that follows. */
export async function lockReferral(tx: Queryable, id: string): Promise<ReferralCore | undefined> {
  const { rows } = await tx.query<ReferralCore>(
    `SELECT ${referralCoreColumns} FROM referrals r
     WHERE r.id = $1 AND r.deleted_at IS NULL FOR UPDATE`,
    [id],
  );
  return rows[0];
}

/**
 * Move a locked referral to `status` (the caller has checked statusChangeProblems) and add the
 * line to its history; answers the referral as it now stands.
 */
export async function changeReferralStatus(
  tx: Queryable,
  id: string,
  change: { status: ReferralStatus; by: { userId: string; orgId: string }; reason?: string },
  at: Date,
): Promise<ReferralCore> {
  const { rows } = await tx.query<ReferralCore>(
    `WITH r AS (
       UPDATE referrals SET status = $2, version = version + 1, updated_at = $3
       WHERE id = $1 RETURNING *)
     SELECT ${referralCoreColumns} FROM r`,
    [id, change.status, at],
  );
  await tx.query(
    `INSERT INTO referral_status_changes
       (referral_id, seq, status, changed_at, changed_by, changed_by_org_id, reason)
     SELECT $1, coalesce(max(seq), 0) + 1, $2, $3, $4, $5, $6
     FROM referral_status_changes WHERE referral_id = $1`,
    [id, change.status, at, change.by.userId, change.by.orgId, change.reason ?? null],
  );
  return rows[0];
}

export interface StatusChange {
  status: ReferralStatus;
  changedAt: string;
  changedBy: string;
  changedByOrgId: string;
  reason: string | null;
}

/** A referral's statuses, oldest first. */
export async function statusHistory(db: Queryable, id: string): Promise<StatusChange[]> {
  const { rows } = await db.query<StatusChange>(
    `SELECT status, to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
       AS "changedAt", changed_by AS "changedBy", changed_by_org_id AS "changedByOrgId", reason
     FROM referral_status_changes WHERE referral_id = $1 ORDER BY seq`,
    [id],
  );
  return rows;
}
