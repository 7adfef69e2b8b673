import { z } from 'zod';
import { defineRoute, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { describeService } from '../use-cases/describe-service';

const answer = z.object({
  service: z.literal('reporting'),
  migrations: z.array(z.string()),
  schemaVersion: z.number().int(),
});

/** The first route (replace it as the service grows): validate → one use case → respond. */
export function aboutRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/about',
    summary: 'Reporting: the service and the schema version of its database',
    tag: 'reports',
    query: z.strictObject({}),
    success: { status: 200, schema: answer },
    handler: async () => ({ service: 'reporting' as const, ...(await describeService(deps)) }),
  });
}
