import { z } from 'zod';
import { roleAllows } from '@hearth/access';
import { actorOf, type Actor } from '@hearth/auth';
import {
  defineRoute,
  forbidden,
  idParams,
  isoDate,
  page,
  pageQuery,
  uuid,
  type Api,
} from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { VACANCY_STATUSES } from '../domain/vacancy';
import { REFERRAL_STATUSES } from '../domain/referral-status';
import { acceptReservation, releaseReservation } from '../use-cases/answer-reservation';
import { matchVacancy } from '../use-cases/match-vacancy';
import { getVacancy, listVacancyPage, postVacancy } from '../use-cases/vacancies';
import { requireRole } from './ce-roles';
import { participantFor } from './participant-gate';

const text = (max: number) => z.string().trim().min(1).max(max);

const vacancy = z.object({
  id: z.string(),
  orgId: z.string(),
  program: z.string(),
  unitType: z.string(),
  householdSize: z.number().int(),
  eligibilityNotes: z.string(),
  availableFrom: z.string(),
  status: z.enum(VACANCY_STATUSES),
  referralId: z.string().nullable().describe('The referral holding it, while reserved or filled'),
  reservedAt: z.string().nullable(),
  replyOverdue: z
    .boolean()
    .describe('Reserved and unanswered longer than CE_RESERVATION_REPLY_DAYS (computed at read)'),
  createdAt: z.string(),
});
const answered = z.object({
  vacancy,
  referral: z.object({ id: z.string(), status: z.enum(REFERRAL_STATUSES) }),
});

/** Staff who change records (not a funder's reader, not an administrator) answer for a provider. */
function requireStaff(actor: Actor) {
  if (!roleAllows(actor, 'write')) throw forbidden('Your roles do not let you change records.');
}

/** Provider vacancies, the CE manager's match that reserves one, and the provider's answer. */
export function vacancyRoutes(api: Api, deps: ReferralsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/vacancies',
    summary: 'Post a unit your organization offers through coordinated entry',
    tag: 'vacancies',
    body: z.strictObject({
      program: text(200),
      unitType: text(100),
      householdSize: z.number().int().min(1).max(30).describe('The largest household it takes'),
      eligibilityNotes: z.string().trim().max(2000).default(''),
      availableFrom: isoDate(),
    }),
    success: { status: 201, schema: vacancy },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      requireStaff(actor);
      const saved = await postVacancy(deps, actor, body);
      res.location(`/api/v1/vacancies/${saved.id}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/vacancies',
    summary: 'Vacancies by the date they are available from',
    tag: 'vacancies',
    query: z.strictObject({
      status: z.enum(VACANCY_STATUSES).optional(),
      orgId: uuid().optional(),
      replyOverdue: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => v === 'true')
        .describe('true: only reservations the provider left unanswered too long'),
      ...pageQuery,
    }),
    success: { status: 200, schema: page(vacancy) },
    handler: async ({ query }) => listVacancyPage(deps, query),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/vacancies/:id',
    summary: 'One vacancy',
    tag: 'vacancies',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: vacancy },
    handler: async ({ params }) => getVacancy(deps, params.id),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/vacancies/:id/match',
    summary: 'Match a waiting queue entry to the vacancy (CE manager): the referral reserves it',
    tag: 'vacancies',
    params: idParams,
    body: z.strictObject({ queueEntryId: uuid() }),
    success: { status: 201, schema: vacancy },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      requireRole(actor, ['ce_manager'], 'match the housing queue to vacancies');
      return matchVacancy(deps, actor, params.id, body.queueEntryId, (participantId) =>
        participantFor(deps.pool, actor, participantId, 'write', deps.clock(), 'The queue entry'),
      );
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/vacancies/:id/acceptance',
    summary: 'Accept the referral reserving your vacancy: placed, the vacancy filled',
    tag: 'vacancies',
    params: idParams,
    body: z.strictObject({}),
    success: { status: 200, schema: answered },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      requireStaff(actor);
      return acceptReservation(deps, actor, params.id);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/vacancies/:id/rejection',
    summary: 'Reject the referral reserving your vacancy: free again, the person back on the queue',
    tag: 'vacancies',
    params: idParams,
    body: z.strictObject({ reason: text(500) }),
    success: { status: 200, schema: answered },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      requireStaff(actor);
      return releaseReservation(deps, actor, params.id, { status: 'rejected', ...body });
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/vacancies/:id/withdrawal',
    summary: 'Withdraw your match before the provider answers: free again, back on the queue',
    tag: 'vacancies',
    params: idParams,
    body: z.strictObject({ reason: text(500) }),
    success: { status: 200, schema: answered },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      requireRole(actor, ['ce_manager'], 'withdraw matches');
      return releaseReservation(deps, actor, params.id, { status: 'withdrawn', ...body });
    },
  });
}
