import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, isoDate, page, pageQuery, uuid, type Api } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { DEFAULT_QUEUE_ID, queueOrdering } from '../domain/queue-order';
import { queues } from '../store/housing-queue';
import { addToQueue, createQueue, listQueue, removeFromQueue } from '../use-cases/housing-queue';
import { requireRole } from './ce-roles';
import { participantFor } from './participant-gate';

const CE_MANAGER = ['ce_manager'];
const text = (max: number) => z.string().trim().min(1).max(max);

const queue = z.object({ id: z.string(), name: z.string(), ordering: queueOrdering });
export const queueEntry = z.object({
  id: z.string(),
  queueId: z.string(),
  participantId: z.string(),
  assessmentId: z.string(),
  score: z.number().int(),
  homelessSince: z.string(),
  daysHomeless: z.number().int(),
  householdSize: z.number().int(),
  needs: z.array(z.string()),
  status: z.enum(['waiting', 'referred', 'placed', 'removed']),
  addedAt: z.string(),
  lastRejection: z.object({ reason: z.string(), at: z.string() }).nullable(),
  referral: z
    .object({ id: z.string(), status: z.string() })
    .nullable()
    .describe('Its latest referral: an open one means nobody refers them again'),
});

/** The by-name list: queues ordered by configuration, and who is on them. */
export function housingQueueRoutes(api: Api, deps: ReferralsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/housing-queue/queues',
    summary: 'The housing queues and how each is prioritized',
    tag: 'housing-queue',
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(queue) }) },
    handler: async () => ({ items: await queues(deps.pool) }),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/housing-queue/queues',
    summary: 'A new housing queue (CE manager): its ordered factors and directions',
    tag: 'housing-queue',
    body: z.strictObject({
      name: text(200),
      ordering: queueOrdering.describe(
        'Factors in priority order; ties fall to the next factor, then the entry id',
      ),
    }),
    success: { status: 201, schema: queue },
    handler: async ({ body, req }) => {
      requireRole(actorOf(req), CE_MANAGER, 'configure housing queues');
      return createQueue(deps, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/housing-queue',
    summary: 'Who is on a housing queue, in its order: only participants you may see',
    tag: 'housing-queue',
    query: z.strictObject({
      queueId: uuid().default(DEFAULT_QUEUE_ID).describe('The community queue by default'),
      ...pageQuery,
    }),
    success: { status: 200, schema: page(queueEntry) },
    handler: async ({ query, req }) => listQueue(deps, actorOf(req), query),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/housing-queue',
    summary: 'Put a participant on a housing queue (CE manager) with their latest assessment',
    tag: 'housing-queue',
    body: z.strictObject({
      queueId: uuid().default(DEFAULT_QUEUE_ID),
      participantId: uuid(),
      homelessSince: isoDate().describe('The date homelessness began'),
      householdSize: z.number().int().min(1).max(30),
      needs: z.array(text(200)).max(20).default([]),
    }),
    success: { status: 201, schema: queueEntry },
    handler: async ({ body, req }) => {
      const actor = actorOf(req);
      requireRole(actor, CE_MANAGER, 'keep the housing queue');
      await participantFor(deps.pool, actor, body.participantId, 'write', deps.clock());
      return addToQueue(deps, actor, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/housing-queue/:id/removal',
    summary: 'Take a waiting participant off the queue (CE manager), saying why',
    tag: 'housing-queue',
    params: idParams,
    body: z.strictObject({ reason: text(500) }),
    success: { status: 200, schema: queueEntry },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      requireRole(actor, CE_MANAGER, 'keep the housing queue');
      return removeFromQueue(deps, actor, params.id, body.reason, (participantId) =>
        participantFor(deps.pool, actor, participantId, 'write', deps.clock(), 'The queue entry'),
      );
    },
  });
}
