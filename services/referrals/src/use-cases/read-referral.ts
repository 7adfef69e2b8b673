import { auditDenialAfterAnswer, decideAccess, roleAllows } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { notFound } from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import { referralReadable } from '../domain/referral-access';
import type { ReferralsDeps } from '../deps';
import { findReferral, type Referral } from '../store/referral-details';
import { statusHistory } from '../store/referrals';

/**
 * The referral if the actor may read it (domain/referral-access), else 404 like an unknown one.
 * `db` is the pool, or the transaction that has just locked the row (then no denial is audited
 * here: it would be written by a finished transaction's client).
 */
export async function readableReferral(
  db: Queryable,
  actor: Actor,
  id: string,
  now: Date,
  audit?: Queryable,
): Promise<Referral> {
  const referral = await findReferral(db, id);
  if (!referral) throw notFound('The referral');
  const sharing = (await sharingOf(db, [referral.participantId])).get(referral.participantId);
  const decision = sharing && decideAccess({ actor, participant: sharing, action: 'read', now });
  const bySharing = decision?.allowed === true;
  if (roleAllows(actor, 'read') && referralReadable(actor.orgId, referral, bySharing))
    return referral;
  if (audit && decision)
    auditDenialAfterAnswer(audit, actor, referral.participantId, 'read', decision.reason);
  throw notFound('The referral');
}

/** One referral with its statuses, oldest first. */
export async function showReferral(
  deps: Pick<ReferralsDeps, 'pool' | 'clock'>,
  actor: Actor,
  id: string,
) {
  const referral = await readableReferral(deps.pool, actor, id, deps.clock(), deps.pool);
  return { ...referral, statusHistory: await statusHistory(deps.pool, id) };
}
