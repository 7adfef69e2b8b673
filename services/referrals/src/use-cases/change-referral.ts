import { roleAllows, type Action } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { withTransaction, type Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import {
  ReferralDeleted,
  ReferralOutcomeRecorded,
  ReferralReleaseChanged,
  ReferralStatusChanged,
  ReferralWithdrawn,
} from '@hearth/events';
import { Problem, conflict, forbidden, requireCurrentVersion, unprocessable } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import {
  editSideProblems,
  isOver,
  notInFuture,
  outcomeProblems,
  type OutcomeBody,
  type ReferralEditBody,
} from '../domain/referral';
import {
  moverOf,
  sideOf,
  statusChangeProblems,
  type ReferralStatus,
} from '../domain/referral-status';
import {
  findReferral,
  markDeleted,
  saveDetails,
  saveOutcome,
  type Referral,
} from '../store/referral-details';
import { changeReferralStatus, lockReferral } from '../store/referrals';
import { readableReferral } from './read-referral';
import { checkNeeds } from './check-needs';
import { announceReferral } from './referral-events';

type Deps = Pick<ReferralsDeps, 'pool' | 'clock'>;

/**
 * The referral locked for a change and decided again on the locked row: 404 when the actor may
 * not read it, 403 when their role may not `action` or their organization is neither side.
 */
async function locked(tx: Queryable, actor: Actor, id: string, action: Action, now: Date) {
  await lockReferral(tx, id);
  const referral = await readableReferral(tx, actor, id, now);
  if (!roleAllows(actor, action)) throw forbidden(`Your role may not ${action} referrals.`);
  const side = sideOf(actor.orgId, referral);
  if (side === 'neither') throw forbidden('Only the two organizations of a referral change it.');
  return { referral, side };
}

/** Edit the version read: the sender its details, the receiver its own comment. */
export function editReferral(deps: Deps, actor: Actor, id: string, edit: ReferralEditBody) {
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const { referral, side } = await locked(tx, actor, id, 'write', now);
    requireCurrentVersion('referral', referral.version, edit.version);
    const sides = editSideProblems(edit, side);
    if (sides.length)
      throw new Problem(403, 'Forbidden', 'That is the other side to write.', sides);
    if (isOver(referral.status))
      throw conflict(`A ${referral.status} referral is over; nothing of it changes.`, [
        { field: 'status', message: `The referral is ${referral.status}` },
      ]);
    if (edit.referralDate) {
      const today = await organizationToday(tx, actor.orgId, deps.clock);
      const problems = notInFuture('referralDate', edit.referralDate, today);
      if (referral.outcome && edit.referralDate > referral.outcome.date)
        problems.push({ field: 'referralDate', message: 'After the outcome date' });
      if (problems.length) throw unprocessable('The referral breaks a rule.', problems);
    }
    if (edit.needIds || edit.barrierIds) {
      const owner = { orgId: referral.fromOrgId, participantId: referral.participantId };
      const needs = edit.needIds ?? referral.needIds;
      await checkNeeds(tx, owner, needs, edit.barrierIds ?? referral.barrierIds);
    }
    const { version: _version, ...details } = edit;
    await saveDetails(tx, id, details, now, true);
    const edited = (await findReferral(tx, id))!;
    if (releaseChanged(referral, edited))
      await announceReferral(tx, ReferralReleaseChanged, actor, edited, {
        releasedCategories: edited.releasedCategories,
      });
    return edited;
  });
}

/** Intake's release to the receiver follows the authorized categories and the referral date. */
const releaseChanged = (before: Referral, after: Referral) =>
  before.referralDate !== after.referralDate ||
  [...before.releasedCategories].sort().join() !== [...after.releasedCategories].sort().join();

/**
 * Move the referral (domain/referral-status): a move the other side makes is 403, one no one may
 * make (accepting twice, answering a withdrawn referral) is 409. A withdrawal announces
 * `referrals.referral.withdrawn`, every other move `status-changed`.
 */
export function changeStatus(
  deps: Deps,
  actor: Actor,
  id: string,
  change: { status: ReferralStatus; reason?: string },
): Promise<Referral> {
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const { referral, side } = await locked(tx, actor, id, 'write', now);
    // a coordinated-entry referral holds a vacancy and a queue entry: answering it moves them too,
    // which its vacancy's routes do in the same transaction (use-cases/answer-reservation.ts)
    if (referral.vacancyId && change.status !== 'completed') {
      const route = { accepted: 'acceptance', rejected: 'rejection', withdrawn: 'withdrawal' };
      const via = route[change.status as keyof typeof route] ?? 'acceptance';
      throw conflict(
        `This referral reserves a vacancy: answer it with POST /api/v1/vacancies/${referral.vacancyId}/${via}.`,
        [{ field: 'status', message: 'Answered through its vacancy' }],
      );
    }
    const problems = statusChangeProblems(referral.status, change.status, side);
    if (problems.length) {
      const mover = moverOf(referral.status, change.status);
      if (mover && mover !== side)
        throw new Problem(403, 'Forbidden', problems[0].message, problems);
      throw conflict(problems[0].message, problems);
    }
    const changed = await changeReferralStatus(
      tx,
      id,
      {
        status: change.status,
        by: { userId: actor.userId, orgId: actor.orgId },
        reason: change.reason,
      },
      now,
    );
    if (change.status === 'withdrawn')
      await announceReferral(tx, ReferralWithdrawn, actor, changed);
    else
      await announceReferral(tx, ReferralStatusChanged, actor, changed, {
        previousStatus: referral.status,
      });
    return (await findReferral(tx, id))!;
  });
}

/** The receiver records what came of a referral it accepted (again, to correct it). */
export function recordOutcome(deps: Deps, actor: Actor, id: string, outcome: OutcomeBody) {
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const { referral, side } = await locked(tx, actor, id, 'write', now);
    if (side !== 'receiver')
      throw forbidden('Only the receiving organization records the outcome of a referral.');
    const today = await organizationToday(tx, actor.orgId, deps.clock);
    const problems = outcomeProblems(referral, outcome, today);
    if (problems[0]?.field === 'status') throw conflict(problems[0].message, problems);
    if (problems.length) throw unprocessable('The outcome breaks a rule.', problems);
    await saveOutcome(
      tx,
      id,
      {
        date: outcome.outcomeDate,
        result: outcome.result,
        comment: outcome.comment ?? null,
        by: actor.userId,
      },
      now,
    );
    const saved = (await findReferral(tx, id))!;
    await announceReferral(tx, ReferralOutcomeRecorded, actor, saved, {
      outcomeDate: outcome.outcomeDate,
      result: outcome.result,
    });
    return saved;
  });
}

/**
 * Soft delete by the sender, of a referral that is over: an open one is withdrawn first (so its
 * receiver is told), a completed one records another agency's work and stays.
 */
export function deleteReferral(deps: Deps, actor: Actor, id: string): Promise<void> {
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const { referral, side } = await locked(tx, actor, id, 'delete', now);
    if (side !== 'sender') throw forbidden('Only the sending organization deletes a referral.');
    if (!isOver(referral.status))
      throw conflict(`A ${referral.status} referral cannot be deleted; withdraw it first.`, [
        { field: 'status', message: `The referral is ${referral.status}` },
      ]);
    await markDeleted(tx, id, actor.userId, now);
    await announceReferral(tx, ReferralDeleted, actor, {
      ...referral,
      version: referral.version + 1,
    });
  });
}
