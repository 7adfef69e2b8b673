import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { VacancyReserved } from '@hearth/events';
import { conflict, isUniqueViolation, notFound, unprocessable } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { CE_REFERRAL_SERVICE, matchProblems } from '../domain/vacancy';
import { findEntry, setEntryStatus } from '../store/housing-queue';
import { insertReferral } from '../store/referrals';
import { findVacancy, setVacancyStatus } from '../store/vacancies';
import { announce } from './announce';
import { shownVacancy, vacancyFacts } from './vacancies';

type Deps = Pick<ReferralsDeps, 'pool' | 'clock' | 'config'>;

/** The loser of a race to migration 002's unique indexes gets the answer the check gives. */
function alreadyHeld(err: unknown): never {
  if (!isUniqueViolation(err)) throw err;
  const entry =
    (err as { constraint?: string }).constraint === 'referrals_one_open_per_queue_entry';
  throw conflict('An open referral already holds it.', [
    entry
      ? { field: 'queueEntryId', message: 'The entry already has an open referral' }
      : { field: 'vacancyId', message: 'The vacancy is reserved' },
  ]);
}

/**
 * A CE manager matches a waiting queue entry to an available vacancy: the referral to the
 * vacancy's organization reserves it, the entry shows it is referred, `referrals.vacancy.reserved`
 * goes with them. The vacancy's row lock makes concurrent matches take turns (the first wins, the
 * others find it reserved: 409); the unique indexes of migration 002 hold it should anything else
 * write a referral. `gate` decides on the entry's participant before anything is written.
 */
export async function matchVacancy(
  deps: Deps,
  actor: Actor,
  vacancyId: string,
  queueEntryId: string,
  gate: (participantId: string) => Promise<unknown>,
) {
  const seen = await findEntry(deps.pool, queueEntryId);
  if (!seen) throw notFound('The queue entry');
  await gate(seen.participantId);
  return withTransaction(deps.pool, async (tx) => {
    const now = deps.clock();
    const vacancy = await findVacancy(tx, vacancyId, { forUpdate: true });
    if (!vacancy) throw notFound('The vacancy');
    const entry = (await findEntry(tx, queueEntryId, { forUpdate: true }))!;
    const problems = matchProblems(vacancy, entry);
    if (problems && 'conflict' in problems)
      throw conflict('The match cannot be made now.', problems.conflict);
    if (problems)
      throw unprocessable('The unit does not fit the household.', problems.unprocessable);
    const referral = await insertReferral(
      tx,
      {
        id: randomUUID(),
        participantId: entry.participantId,
        fromOrgId: actor.orgId,
        fromUserId: actor.userId,
        toOrgId: vacancy.orgId,
        referralService: CE_REFERRAL_SERVICE,
        referralDate: await organizationToday(tx, actor.orgId, deps.clock),
        queueEntryId: entry.id,
        vacancyId: vacancy.id,
      },
      now,
    ).catch(alreadyHeld);
    const reserved = await setVacancyStatus(tx, vacancy.id, 'reserved', referral.id, now);
    await setEntryStatus(tx, entry.id, 'referred', now);
    await announce(tx, VacancyReserved, actor, vacancyFacts(reserved, entry.id), now);
    return shownVacancy(deps, reserved);
  });
}
