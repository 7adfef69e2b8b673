import type { PoolClient } from '@hearth/db';
import type { Envelope } from '@hearth/events';
import { addDays } from '@hearth/time';
import type { IntakeDeps } from '../deps';
import type { Announcer } from '../events/sharing';
import { releaseOfReferral } from '../store/releases';
import { endReferral, isReferralEnded, ownerOrgOf } from '../store/referral-releases';
import { recordRelease } from './grant-release';
import { revokeInTransaction } from './revoke-release';

type Deps = Pick<IntakeDeps, 'config' | 'clock'>;
interface ReferralFacts {
  referralId: string;
  participantId: string;
  fromOrgId: string;
  toOrgId: string;
  referralDate: string;
}

const announcerOf = (event: Envelope): Announcer => ({ orgId: event.orgId, ...event.actor });

/**
 * A new referral whose participant authorized a release to the receiver: a read-only release to
 * it from the referral date for REFERRAL_RELEASE_DAYS, linked to the referral, in the consumer's
 * transaction. Only the organization that took the participant in records their releases, so a
 * referral sent by another agency grants nothing here (its receiver reads the referral itself).
 */
export async function releaseByReferral(
  tx: PoolClient,
  deps: Deps,
  event: Envelope,
  referral: ReferralFacts & { releasedCategories: string[] },
): Promise<void> {
  if (referral.releasedCategories.length === 0) return;
  const owner = await ownerOrgOf(tx, referral.participantId);
  if (owner !== referral.fromOrgId || referral.toOrgId === owner) return;
  if (await isReferralEnded(tx, referral.referralId)) return;
  await recordRelease(tx, announcerOf(event), referral.participantId, {
    toOrgId: referral.toOrgId,
    beginDate: referral.referralDate,
    endDate: addDays(referral.referralDate, deps.config.REFERRAL_RELEASE_DAYS),
    signedBy: event.actor.name,
    referral: { referralId: referral.referralId, categories: referral.releasedCategories },
  });
}

/**
 * A withdrawn, rejected or deleted referral revokes the release it made, now; the referral is
 * remembered as ended so a creation arriving after it grants nothing. A release already revoked
 * (by hand, or by an earlier word) is left as it is and nothing is announced again.
 */
export async function endReleaseByReferral(
  tx: PoolClient,
  deps: Deps,
  event: Envelope,
  referral: ReferralFacts,
): Promise<void> {
  const now = deps.clock();
  await endReferral(tx, referral.referralId, now);
  const release = await releaseOfReferral(tx, referral.referralId);
  if (!release || release.revokedAt !== null) return;
  await revokeInTransaction(tx, announcerOf(event), release.participantId, release.releaseId, now);
}
