import { randomUUID } from 'node:crypto';
import type { Pool } from '@hearth/db';
import { applySharingState } from '@hearth/sharing';

/**
 * A participant of `ownerOrgId` whose sharing has arrived in a service's sharing facts, as intake's
 * `intake.sharing.changed` would leave it (restricted to their organization unless told); answers
 * their id.
 */
export async function sharedParticipant(
  pool: Pool,
  ownerOrgId: string,
  sharing: Partial<{
    securityRestriction: 'restrict_to_org' | 'share_mou' | 'share_global';
    releases: Array<{ toOrgId: string; beginDate: string; endDate: string }>;
  }> = {},
): Promise<string> {
  const participantId = randomUUID();
  await applySharingState(pool, {
    participantId,
    ownerOrgId,
    securityRestriction: sharing.securityRestriction ?? 'restrict_to_org',
    releases: (sharing.releases ?? []).map((r) => ({
      ...r,
      releaseId: randomUUID(),
      revokedAt: null,
    })),
    sharingVersion: 1,
  });
  return participantId;
}
