import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { engagementActivities } from '@hearth/events';
import { defineRoute, idParams, type Api } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { verifyEngagementBody } from '../domain/engagement';
import { checksOf } from '../store/engagement';
import { verifyEngagement } from '../use-cases/verify-engagement';
import { recordFor } from './record-gate';

const check = z.strictObject({
  enrollmentId: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  activities: z.array(z.enum(engagementActivities)),
  engaged: z.boolean(),
  verifiedOn: z.string(),
  verifiedBy: z.string(),
  late: z.boolean(),
});

/** Monthly engagement checks of a record: rent for month M needs month M-1 engaged. */
export function engagementRoutes(api: Api, deps: RentAssistanceDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/rent-assistance/records/:id/engagement-checks',
    summary: "Verify a month's engagement (due by the 10th of the next month; once per month)",
    tag: 'rent-assistance',
    params: idParams,
    body: verifyEngagementBody,
    success: { status: 201, schema: check },
    problems: [409, 422],
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      await recordFor(deps.pool, actor, params.id, 'write', deps.clock());
      return verifyEngagement(deps, actor, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/records/:id/engagement-checks',
    summary: "A record's engagement checks, oldest month first",
    tag: 'rent-assistance',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(check) }) },
    handler: async ({ params, req }) => {
      await recordFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      return { items: await checksOf(deps.pool, params.id) };
    },
  });
}
