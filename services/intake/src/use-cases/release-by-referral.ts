import type { PoolClient } from '@hearth/db';
import type { Envelope } from '@hearth/events';
import { addDays } from '@hearth/time';
import type { IntakeDeps } from '../deps';
import { announceSharing, type Announcer } from '../events/sharing';
import { followReferral, releaseOfReferral } from '../store/releases';
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
  version: number;
}
type Authorized = ReferralFacts & { releasedCategories: string[] };

const announcerOf = (event: Envelope): Announcer => ({ orgId: event.orgId, ...event.actor });
/** A referral's release runs from the referral date for REFERRAL_RELEASE_DAYS. */
const datesOf = (deps: Deps, referralDate: string) => ({
  beginDate: referralDate,
  endDate: addDays(referralDate, deps.config.REFERRAL_RELEASE_DAYS),
});

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
  referral: Authorized,
): Promise<void> {
  if (referral.releasedCategories.length === 0) return;
  const owner = await ownerOrgOf(tx, referral.participantId);
  if (owner !== referral.fromOrgId || referral.toOrgId === owner) return;
  if (await isReferralEnded(tx, referral.referralId)) return;
  await recordRelease(tx, announcerOf(event), referral.participantId, {
    toOrgId: referral.toOrgId,
    ...datesOf(deps, referral.referralDate),
    signedBy: event.actor.name,
    referral: {
      referralId: referral.referralId,
      categories: referral.releasedCategories,
      version: referral.version,
    },
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

/**
 * The sender edited what the participant authorized, or the referral date: the release follows
 * (dates announced again when they moved). Nothing left authorized ends it as a withdrawal does,
 * for good: a new authorization is then a release recorded in intake. A referral authorized only
 * after it was sent is released now; an edit older than the one the release follows is ignored.
 */
export async function followReferralEdit(
  tx: PoolClient,
  deps: Deps,
  event: Envelope,
  referral: Authorized,
): Promise<void> {
  if (referral.releasedCategories.length === 0)
    return endReleaseByReferral(tx, deps, event, referral);
  if (await isReferralEnded(tx, referral.referralId)) return;
  const release = await releaseOfReferral(tx, referral.referralId);
  if (!release) return releaseByReferral(tx, deps, event, referral);
  if (release.revokedAt !== null || (release.referralVersion ?? 0) >= referral.version) return;
  const dates = datesOf(deps, referral.referralDate);
  await followReferral(tx, release.releaseId, {
    ...dates,
    categories: referral.releasedCategories,
    referralVersion: referral.version,
  });
  if (dates.beginDate !== release.beginDate || dates.endDate !== release.endDate)
    await announceSharing(tx, release.participantId, announcerOf(event));
}
