import type { Queryable } from '@hearth/db';
import type { ReleaseFacts } from '@hearth/events';

export interface ReleaseView extends ReleaseFacts {
  signedBy: string;
  createdAt: string;
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
});

export async function insertRelease(
  tx: Queryable,
  r: {
    id: string;
    participantId: string;
    toOrgId: string;
    beginDate: string;
    endDate: string;
    signedBy: string;
  },
): Promise<ReleaseView> {
  const { rows } = await tx.query(
    `INSERT INTO information_releases (id, participant_id, to_org_id, begin_date, end_date, signed_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [r.id, r.participantId, r.toOrgId, r.beginDate, r.endDate, r.signedBy],
  );
  return toView(rows[0]);
}

/** Revoke now; a release already revoked keeps its first revocation time. */
export async function revokeRelease(
  tx: Queryable,
  participantId: string,
  releaseId: string,
): Promise<ReleaseView | undefined> {
  const { rows } = await tx.query(
    `UPDATE information_releases SET revoked_at = coalesce(revoked_at, now())
     WHERE id = $1 AND participant_id = $2 RETURNING *`,
    [releaseId, participantId],
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
