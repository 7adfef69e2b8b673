import type { Queryable } from '@hearth/db';
import type { ReleaseFacts } from '@hearth/events';

export interface ReleaseView extends ReleaseFacts {
  signedBy: string;
  createdAt: string;
  /** `referral`: made by `referralId` to its receiver, read only; `full`: signed in intake. */
  scope: 'full' | 'referral';
  referralId: string | null;
  /** What the participant authorized the receiver of a referral to read (referral releases). */
  categories: string[];
  /** The referral's version the release follows (referral releases). */
  referralVersion: number | null;
}

/** What recording a release needs; a referral's release names it and its categories. */
export interface NewRelease {
  id: string;
  participantId: string;
  toOrgId: string;
  beginDate: string;
  endDate: string;
  signedBy: string;
  referral?: { referralId: string; categories: string[]; version: number };
}

const toView = (r: Record<string, unknown>): ReleaseView => ({
  releaseId: r.id as string,
  participantId: r.participant_id as string,
  toOrgId: r.to_org_id as string,
  beginDate: r.begin_date as string,
  endDate: r.end_date as string,
  signedBy: r.signed_by as string,
  revokedAt: (r.revoked_at as Date | null)?.toISOString() ?? null,
  createdAt: (r.created_at as Date).toISOString(),
  scope: r.scope as ReleaseView['scope'],
  referralId: (r.referral_id as string | null) ?? null,
  categories: r.categories as string[],
  referralVersion: (r.referral_version as number | null) ?? null,
});

/** Record a release; a referral's second release answers undefined (its referral_id is taken). */
export async function insertRelease(
  tx: Queryable,
  r: NewRelease,
): Promise<ReleaseView | undefined> {
  const { rows } = await tx.query(
    `INSERT INTO information_releases
       (id, participant_id, to_org_id, begin_date, end_date, signed_by, referral_id, scope,
        categories, referral_version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (referral_id) DO NOTHING RETURNING *`,
    [
      r.id,
      r.participantId,
      r.toOrgId,
      r.beginDate,
      r.endDate,
      r.signedBy,
      r.referral?.referralId ?? null,
      r.referral ? 'referral' : 'full',
      r.referral?.categories ?? [],
      r.referral?.version ?? null,
    ],
  );
  return rows[0] && toView(rows[0]);
}

/** Revoke at `at`; a release already revoked keeps its first revocation time. */
export async function revokeRelease(
  tx: Queryable,
  participantId: string,
  releaseId: string,
  at: Date,
): Promise<ReleaseView | undefined> {
  const { rows } = await tx.query(
    `UPDATE information_releases SET revoked_at = coalesce(revoked_at, $3)
     WHERE id = $1 AND participant_id = $2 RETURNING *`,
    [releaseId, participantId, at],
  );
  return rows[0] && toView(rows[0]);
}

/** The release a referral made, if any (locked: its revocation follows in this transaction). */
export async function releaseOfReferral(
  tx: Queryable,
  referralId: string,
): Promise<ReleaseView | undefined> {
  const { rows } = await tx.query(
    'SELECT * FROM information_releases WHERE referral_id = $1 FOR UPDATE',
    [referralId],
  );
  return rows[0] && toView(rows[0]);
}

export async function listReleases(db: Queryable, participantId: string): Promise<ReleaseView[]> {
  const { rows } = await db.query(
    'SELECT * FROM information_releases WHERE participant_id = $1 ORDER BY created_at DESC',
    [participantId],
  );
  return rows.map(toView);
}

export async function setRestriction(
  tx: Queryable,
  participantId: string,
  restriction: string,
): Promise<void> {
  await tx.query(
    'UPDATE participants SET security_restriction = $2, version = version + 1, updated_at = now() WHERE id = $1',
    [participantId, restriction],
  );
}

/** A referral's release following an edit of the referral (its dates and categories). */
export async function followReferral(
  tx: Queryable,
  releaseId: string,
  change: { beginDate: string; endDate: string; categories: string[]; referralVersion: number },
): Promise<ReleaseView> {
  const { rows } = await tx.query(
    `UPDATE information_releases SET begin_date = $2, end_date = $3, categories = $4,
       referral_version = $5
     WHERE id = $1 RETURNING *`,
    [releaseId, change.beginDate, change.endDate, change.categories, change.referralVersion],
  );
  return toView(rows[0]);
}
