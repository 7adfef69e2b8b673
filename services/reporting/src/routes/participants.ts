import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { listParticipantRecords } from '../use-cases/list-participant-records';
import { participantFor } from './participant-gate';

const record = z.object({ id: z.string().uuid(), createdAt: z.string() });

export function participantRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/participants/:id/records',
    summary: "A participant's reporting records, when their sharing lets you see them",
    tag: 'reports',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(record) }) },
    handler: async ({ params, req }) => {
      await participantFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      return { items: await listParticipantRecords(deps, params.id) };
    },
  });
}
