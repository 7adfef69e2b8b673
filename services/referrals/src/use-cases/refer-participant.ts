import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction, type Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { ReferralCreated } from '@hearth/events';
import { idempotently, unprocessable } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { notInFuture, type NewReferralBody } from '../domain/referral';
import { offerOf } from '../store/providers';
import { findReferral, saveDetails, type Referral } from '../store/referral-details';
import { insertReferral } from '../store/referrals';
import { checkNeeds } from './check-needs';
import { announceReferral } from './referral-events';

/**
 * Refer a participant (the route has passed the participant gate for writing) to a provider that
 * offers the service, its contact taken from the provider's offer; the source is the actor and
 * their organization. The referral and `referrals.referral.created` commit together; a retry with
 * the same Idempotency-Key answers the referral made the first time.
 */
export function referParticipant(
  deps: Pick<ReferralsDeps, 'pool' | 'clock'>,
  actor: Actor,
  body: NewReferralBody,
  idempotencyKey: string | undefined,
): Promise<Referral> {
  const now = deps.clock();
  const request = { method: 'POST', path: '/referrals', body };
  return withTransaction(deps.pool, async (tx) => {
    const answer = await idempotently(
      tx,
      { actorId: actor.userId, key: idempotencyKey, request },
      now,
      async () => ({ status: 201, body: await refer(tx) }),
    );
    return answer.body;
  });

  async function refer(tx: Queryable): Promise<Referral> {
    const today = await organizationToday(tx, actor.orgId, deps.clock);
    const offer = await offerOf(tx, body.toOrgId, body.referralService);
    const problems = [
      ...notInFuture('referralDate', body.referralDate, today),
      ...(offer
        ? []
        : [{ field: 'toOrgId', message: `This provider does not offer ${body.referralService}` }]),
    ];
    if (problems.length || !offer) throw unprocessable('The referral breaks a rule.', problems);
    const owner = { orgId: actor.orgId, participantId: body.participantId };
    await checkNeeds(tx, owner, body.needIds, body.barrierIds);
    const core = await insertReferral(
      tx,
      {
        id: randomUUID(),
        participantId: body.participantId,
        fromOrgId: actor.orgId,
        fromUserId: actor.userId,
        toOrgId: body.toOrgId,
        referralService: body.referralService,
        referralDate: body.referralDate,
        queueEntryId: null,
        vacancyId: null,
      },
      now,
    );
    await saveDetails(
      tx,
      core.id,
      {
        fromUserName: actor.name,
        contact: { name: offer.contactName, phone: offer.contactPhone, email: offer.contactEmail },
        comment: body.comment ?? null,
        needIds: body.needIds,
        barrierIds: body.barrierIds,
        releasedCategories: body.releasedCategories,
      },
      now,
      false,
    );
    // intake records the read-only release to the receiver from these categories
    await announceReferral(tx, ReferralCreated, actor, core, {
      releasedCategories: body.releasedCategories,
    });
    return (await findReferral(tx, core.id))!;
  }
}
