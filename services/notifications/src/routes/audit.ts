import { z } from 'zod';
import { requireRole } from '@hearth/auth';
import { defineRoute, idParams, page, pageQuery, uuid, type Api } from '@hearth/http';
import type { NotificationsDeps } from '../deps';
import { listTrail, whoHasSeen } from '../use-cases/audit-trail';
import { participantFor } from './participant-gate';

const entry = z.object({
  id: uuid(),
  participantId: uuid().describe(
    'The record it is about (of a person linked in intake: which one)',
  ),
  userId: uuid(),
  orgId: uuid(),
  action: z.enum(['read', 'write', 'delete']),
  allowed: z.boolean(),
  reason: z.string(),
  what: z.string(),
  requestId: z.string().nullable(),
  at: z.string().datetime(),
});
const viewer = z.object({
  userId: uuid(),
  orgId: uuid(),
  reads: z.number().int().min(1),
  firstSeenAt: z.string().datetime(),
  lastSeenAt: z.string().datetime(),
});

/** The audit trail: a supervisor who may see the participant reads who saw or changed their data. */
export function auditRoutes(api: Api, deps: NotificationsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/audit/participants/:id',
    summary:
      "Every read and change of a participant's data, allowed or denied, newest first (supervisors)",
    tag: 'audit',
    params: idParams,
    query: z.strictObject(pageQuery),
    success: { status: 200, schema: page(entry) },
    problems: [403, 404],
    handler: async ({ params, query, req }) => {
      const supervisor = requireRole(req, 'supervisor');
      await participantFor(
        deps.pool,
        supervisor,
        params.id,
        'read',
        deps.clock(),
        'The participant',
      );
      return listTrail(deps, supervisor, params.id, query);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/audit/participants/:id/viewers',
    summary:
      'Who has seen the participant’s record: each user and organization, how often, when (supervisors)',
    tag: 'audit',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(viewer) }) },
    problems: [403, 404],
    handler: async ({ params, req }) => {
      const supervisor = requireRole(req, 'supervisor');
      await participantFor(deps.pool, supervisor, params.id, 'read', deps.clock());
      return whoHasSeen(deps, supervisor, params.id);
    },
  });
}
