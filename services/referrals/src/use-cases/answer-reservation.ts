import type { Actor } from '@hearth/auth';
import { withTransaction, type Queryable } from '@hearth/db';
import { PlacementMade, QueueEntryRemoved, VacancyFilled, VacancyReleased } from '@hearth/events';
import { conflict, forbidden, notFound } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { ReferralsDeps } from '../deps';
import { sideOf, statusChangeProblems } from '../domain/referral-status';
import { findEntry, setEntryStatus } from '../store/housing-queue';
import { changeReferralStatus, lockReferral, type ReferralCore } from '../store/referrals';
import { findVacancy, setVacancyStatus, type Vacancy } from '../store/vacancies';
import { announce } from './announce';
import { entryFacts } from './housing-queue';
import { shownVacancy, vacancyFacts } from './vacancies';

type Deps = Pick<ReferralsDeps, 'pool' | 'clock' | 'config'>;

/**
 * A reservation locked in the order a match takes (vacancy, then its referral, then the entry):
 * the vacancy's organization answers it (accepts, rejects), the referring one may withdraw it;
 * only while the vacancy is reserved.
 */
async function lockReservation(
  tx: Queryable,
  actor: Actor,
  vacancyId: string,
  to: 'accepted' | 'rejected' | 'withdrawn',
) {
  const vacancy = await findVacancy(tx, vacancyId, { forUpdate: true });
  if (!vacancy) throw notFound('The vacancy');
  if (to !== 'withdrawn' && vacancy.orgId !== actor.orgId)
    throw forbidden('Only the organization that posted the vacancy answers its referral.');
  if (vacancy.status !== 'reserved' || !vacancy.referralId)
    throw conflict(`The vacancy is ${vacancy.status}: there is no reservation to change.`, [
      { field: 'status', message: `The vacancy is ${vacancy.status}` },
    ]);
  const referral = (await lockReferral(tx, vacancy.referralId))!;
  if (to === 'withdrawn' && referral.fromOrgId !== actor.orgId)
    throw forbidden('Only the organization that made the match withdraws it.');
  const problems = statusChangeProblems(referral.status, to, sideOf(actor.orgId, referral));
  if (problems.length) throw conflict('The referral cannot be changed so.', problems);
  return { vacancy, referral };
}

const shown = (deps: Deps, vacancy: Vacancy, referral: ReferralCore) => ({
  vacancy: shownVacancy(deps, vacancy),
  referral: { id: referral.id, status: referral.status },
});

/**
 * The provider accepts: the referral is accepted, the vacancy filled, the person leaves the queue
 * (placed); `referrals.placement.made` tells the referring case manager and starts the provider's
 * "Initiate Client Intake". All in one transaction.
 */
export function acceptReservation(deps: Deps, actor: Actor, vacancyId: string) {
  return withTransaction(deps.pool, async (tx) => {
    const now = deps.clock();
    const { vacancy, referral } = await lockReservation(tx, actor, vacancyId, 'accepted');
    const entry = (await findEntry(tx, referral.queueEntryId!, { forUpdate: true }))!;
    const accepted = await changeReferralStatus(
      tx,
      referral.id,
      { status: 'accepted', by: actor },
      now,
    );
    const filled = await setVacancyStatus(tx, vacancy.id, 'filled', referral.id, now);
    await setEntryStatus(tx, entry.id, 'placed', now);
    await announce(tx, VacancyFilled, actor, vacancyFacts(filled, entry.id), now);
    await announce(tx, QueueEntryRemoved, actor, { ...entryFacts(entry), reason: 'placed' }, now);
    await announce(
      tx,
      PlacementMade,
      actor,
      {
        referralId: referral.id,
        participantId: referral.participantId,
        vacancyId: vacancy.id,
        queueEntryId: entry.id,
        providerOrgId: vacancy.orgId,
        program: vacancy.program,
        referringOrgId: referral.fromOrgId,
        referringUserId: referral.fromUserId,
        placedOn: dateOf(now),
      },
      now,
    );
    return shown(deps, filled, accepted);
  });
}

/**
 * The provider rejects with a reason, or the referring CE manager withdraws the match: the
 * referral ends (the reason in its history), the vacancy is free again and the person back on the
 * queue (a rejection kept with them), together.
 */
export function releaseReservation(
  deps: Deps,
  actor: Actor,
  vacancyId: string,
  change: { status: 'rejected' | 'withdrawn'; reason: string },
) {
  return withTransaction(deps.pool, async (tx) => {
    const now = deps.clock();
    const { vacancy, referral } = await lockReservation(tx, actor, vacancyId, change.status);
    const entryId = referral.queueEntryId!;
    await findEntry(tx, entryId, { forUpdate: true });
    const ended = await changeReferralStatus(tx, referral.id, { ...change, by: actor }, now);
    const released = await setVacancyStatus(tx, vacancy.id, 'available', null, now);
    await setEntryStatus(tx, entryId, 'waiting', now, {
      rejection: change.status === 'rejected' ? change.reason : undefined,
    });
    await announce(
      tx,
      VacancyReleased,
      actor,
      { ...vacancyFacts(released, entryId), referralId: referral.id },
      now,
    );
    return shown(deps, released, ended);
  });
}
