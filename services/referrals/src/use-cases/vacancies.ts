import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { VacancyPosted, type VacancyReserved } from '@hearth/events';
import { cursorCodec, isoDate, notFound, uuid } from '@hearth/http';
import { z } from 'zod';
import type { ReferralsDeps } from '../deps';
import { replyOverdue, type VacancyStatus } from '../domain/vacancy';
import {
  findVacancy,
  insertVacancy,
  listVacancies,
  type NewVacancy,
  type Vacancy,
} from '../store/vacancies';
import { announce } from './announce';

type Deps = Pick<ReferralsDeps, 'pool' | 'clock' | 'config'>;

const DAY_MS = 86_400_000;
export const vacancyCursor = cursorCodec(z.strictObject({ availableFrom: isoDate(), id: uuid() }));

/** A vacancy as answered: whether its reservation waits on the provider past the configured days. */
export function shownVacancy(deps: Deps, v: Vacancy) {
  const { reservedAt, ...rest } = v;
  return {
    ...rest,
    reservedAt: reservedAt?.toISOString() ?? null,
    replyOverdue:
      v.status === 'reserved' &&
      replyOverdue(reservedAt, deps.clock(), deps.config.CE_RESERVATION_REPLY_DAYS),
  };
}

/** The facts every vacancy event carries. */
export const vacancyFacts = (
  v: Vacancy,
  queueEntryId: string | null,
): z.input<typeof VacancyReserved.data> => ({
  vacancyId: v.id,
  orgId: v.orgId,
  program: v.program,
  unitType: v.unitType,
  householdSize: v.householdSize,
  availableFrom: v.availableFrom,
  referralId: v.referralId,
  queueEntryId,
});

/** A provider organization (the actor's) posts a unit, with `referrals.vacancy.posted`. */
export function postVacancy(deps: Deps, actor: Actor, body: Omit<NewVacancy, 'id' | 'orgId'>) {
  return withTransaction(deps.pool, async (tx) => {
    const now = deps.clock();
    const saved = await insertVacancy(
      tx,
      { id: randomUUID(), orgId: actor.orgId, ...body },
      actor.userId,
      now,
    );
    await announce(tx, VacancyPosted, actor, vacancyFacts(saved, null), now);
    return shownVacancy(deps, saved);
  });
}

export async function getVacancy(deps: Deps, id: string) {
  const found = await findVacancy(deps.pool, id);
  if (!found) throw notFound('The vacancy');
  return shownVacancy(deps, found);
}

/** Vacancies carry no client data: every organization of the continuum sees them all. */
export async function listVacancyPage(
  deps: Deps,
  q: {
    status?: VacancyStatus;
    orgId?: string;
    replyOverdue?: boolean;
    limit: number;
    cursor?: string;
  },
) {
  const now = deps.clock();
  const rows = await listVacancies(deps.pool, {
    ...q,
    limit: q.limit + 1,
    after: vacancyCursor.decode(q.cursor),
    overdueBefore: q.replyOverdue
      ? new Date(now.getTime() - deps.config.CE_RESERVATION_REPLY_DAYS * DAY_MS)
      : undefined,
  });
  const { items, nextCursor } = vacancyCursor.page(rows, q.limit, (v) => ({
    availableFrom: v.availableFrom,
    id: v.id,
  }));
  return { items: items.map((v) => shownVacancy(deps, v)), nextCursor };
}
