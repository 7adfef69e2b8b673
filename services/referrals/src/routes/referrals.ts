import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import {
  badRequest,
  defineRoute,
  idParams,
  idempotencyHeaders,
  page,
  pageQuery,
  uuid,
  type Api,
} from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { newReferralBody, outcomeBody, referralEditBody } from '../domain/referral';
import { REFERRAL_STATUSES } from '../domain/referral-status';
import {
  changeStatus,
  deleteReferral,
  editReferral,
  recordOutcome,
} from '../use-cases/change-referral';
import { listIncoming, listOfParticipant } from '../use-cases/list-referrals';
import { showReferral } from '../use-cases/read-referral';
import { referParticipant } from '../use-cases/refer-participant';
import { participantFor } from './participant-gate';

const status = z.enum(REFERRAL_STATUSES);
const referral = z.object({
  id: z.string(),
  participantId: z.string(),
  fromOrgId: z.string(),
  fromUserId: z.string(),
  fromUserName: z.string().nullable(),
  toOrgId: z.string(),
  referralService: z.string(),
  referralDate: z.string(),
  status,
  queueEntryId: z.string().nullable(),
  vacancyId: z.string().nullable(),
  contact: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  comment: z.string().nullable(),
  receiverComment: z.string().nullable(),
  needIds: z.array(z.string()),
  barrierIds: z.array(z.string()),
  releasedCategories: z.array(z.string()),
  outcome: z
    .object({ date: z.string(), result: z.string(), comment: z.string().nullable() })
    .nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const withHistory = referral.extend({
  statusHistory: z.array(
    z.object({
      status,
      changedAt: z.string(),
      changedBy: z.string(),
      changedByOrgId: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
const listQuery = z.strictObject({
  direction: z.enum(['incoming']).optional().describe('incoming: sent to your organization'),
  participantId: uuid().optional().describe('Required without direction'),
  status: status.optional(),
  ...pageQuery,
});

/** Closed-loop referrals: made, read, listed, answered, closed with an outcome, deleted. */
export function referralRoutes(api: Api, deps: ReferralsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/referrals',
    summary: 'Refer a participant to a provider offering the service; you are its source',
    tag: 'referrals',
    body: newReferralBody,
    headers: idempotencyHeaders,
    success: { status: 201, schema: referral },
    handler: async ({ body, headers, req, res }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, body.participantId, 'write', deps.clock());
      const saved = await referParticipant(deps, actor, body, headers['idempotency-key']);
      res.location(`/api/v1/referrals/${saved.id}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/referrals',
    summary:
      "Incoming referrals of your organization, or a participant's referrals you are a side of",
    tag: 'referrals',
    query: listQuery,
    success: { status: 200, schema: page(referral) },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      if (query.direction === 'incoming') return listIncoming(deps, actor, query);
      if (!query.participantId)
        throw badRequest('Name a participant, or ask for direction=incoming.', [
          { field: 'participantId', message: 'Required without direction' },
        ]);
      const p = await participantFor(deps.pool, actor, query.participantId, 'read', deps.clock());
      return listOfParticipant(deps, actor, p, query);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/referrals/:id',
    summary: 'One referral with its status history; one you may not read answers 404',
    tag: 'referrals',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: withHistory },
    handler: ({ params, req }) => showReferral(deps, actorOf(req), params.id),
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/referrals/:id',
    summary: 'Edit the version you read: the sender its details, the receiver its own comment',
    tag: 'referrals',
    params: idParams,
    body: referralEditBody,
    success: { status: 200, schema: referral },
    handler: ({ params, body, req }) => editReferral(deps, actorOf(req), params.id, body),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/referrals/:id/status',
    summary: 'Accept, reject or complete (the receiver), or withdraw (the sender) a referral',
    tag: 'referrals',
    params: idParams,
    body: z.strictObject({ status, reason: z.string().trim().min(1).max(1000).optional() }),
    success: { status: 200, schema: referral },
    handler: ({ params, body, req }) => changeStatus(deps, actorOf(req), params.id, body),
  });

  defineRoute(api.router, api.registry, {
    method: 'put',
    path: '/referrals/:id/outcome',
    summary: 'Record what came of a referral your organization accepted',
    tag: 'referrals',
    params: idParams,
    body: outcomeBody,
    success: { status: 200, schema: referral },
    handler: ({ params, body, req }) => recordOutcome(deps, actorOf(req), params.id, body),
  });

  defineRoute(api.router, api.registry, {
    method: 'delete',
    path: '/referrals/:id',
    summary: 'Delete a withdrawn or rejected referral your organization made (kept, marked)',
    tag: 'referrals',
    params: idParams,
    success: { status: 204 },
    handler: ({ params, req }) => deleteReferral(deps, actorOf(req), params.id),
  });
}
