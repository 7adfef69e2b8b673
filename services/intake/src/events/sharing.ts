import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent, systemAuthor } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import {
  ReleaseGranted,
  ReleaseRevoked,
  SharingStateChanged,
  createEvent,
  type SharingState,
} from '@hearth/events';
import type { ReleaseView } from '../store/releases';

/**
 * Who a sharing change is announced as: the user of a request, or the author of the event intake
 * acted on (a referral's release is the referring user's, under their organization).
 */
export type Announcer = Pick<Actor, 'orgId' | 'name'> & { userId: string | null };

const fieldsOf = (by: Announcer) => ({
  orgId: by.orgId,
  ...(by.userId === null ? systemAuthor(by.name) : authorOf({ userId: by.userId, name: by.name })),
});

/**
 * Announce a participant's whole sharing state under its next sharing version, inside the
 * transaction that changed it (creation, restriction, release granted or revoked). Call it after
 * the change. The version bump locks the participant's row until commit, and the releases are
 * read only after that lock is held: of two concurrent changes, the later version always
 * includes the earlier one's effect, so "newest version wins" downstream is the true state.
 */
export async function announceSharing(
  tx: Queryable,
  participantId: string,
  by: Announcer,
): Promise<SharingState> {
  const { rows } = await tx.query(
    `UPDATE participants SET sharing_version = sharing_version + 1 WHERE id = $1
     RETURNING owner_org_id, security_restriction, sharing_version`,
    [participantId],
  );
  const releases = await tx.query(
    `SELECT id, to_org_id, begin_date, end_date, revoked_at, scope FROM information_releases
     WHERE participant_id = $1 ORDER BY created_at, id`,
    [participantId],
  );
  const state: SharingState = {
    participantId,
    ownerOrgId: rows[0].owner_org_id,
    securityRestriction: rows[0].security_restriction,
    sharingVersion: Number(rows[0].sharing_version),
    releases: releases.rows.map((r) => ({
      releaseId: r.id,
      toOrgId: r.to_org_id,
      beginDate: r.begin_date,
      endDate: r.end_date,
      revokedAt: (r.revoked_at as Date | null)?.toISOString() ?? null,
      scope: r.scope,
    })),
  };
  await recordEvent(tx, createEvent(SharingStateChanged, { ...fieldsOf(by), data: state }));
  return state;
}

/** intake.release.granted or .revoked: the release's facts, without who signed it. */
export async function announceRelease(
  tx: Queryable,
  by: Announcer,
  definition: typeof ReleaseGranted | typeof ReleaseRevoked,
  release: ReleaseView,
): Promise<void> {
  // v1 facts, named one by one: a referral's scope and link travel in the sharing state
  const { releaseId, participantId, toOrgId, beginDate, endDate, revokedAt } = release;
  const facts = { releaseId, participantId, toOrgId, beginDate, endDate, revokedAt };
  await recordEvent(tx, createEvent(definition, { ...fieldsOf(by), data: facts }));
}
