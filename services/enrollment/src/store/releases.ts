import type { Queryable } from '@hearth/db';
import type { ReleaseFacts } from '@hearth/events';

/** Upsert a release from a granted or revoked event; an older event never undoes a newer one. */
export async function saveRelease(
  tx: Queryable,
  release: ReleaseFacts,
  occurredAt: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO participant_releases (release_id, participant_id, to_org_id, begin_date, end_date, revoked_at, last_event_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (release_id) DO UPDATE SET
       to_org_id = EXCLUDED.to_org_id, begin_date = EXCLUDED.begin_date, end_date = EXCLUDED.end_date,
       revoked_at = EXCLUDED.revoked_at, last_event_at = EXCLUDED.last_event_at
     WHERE participant_releases.last_event_at <= EXCLUDED.last_event_at`,
    [
      release.releaseId,
      release.participantId,
      release.toOrgId,
      release.beginDate,
      release.endDate,
      release.revokedAt,
      occurredAt,
    ],
  );
}
