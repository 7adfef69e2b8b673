import { z } from 'zod';
import { defineRoute, type Api } from '@hearth/http';
import type { FsspDeps } from '../deps';
import { describeService } from '../use-cases/describe-service';

const answer = z.object({
  service: z.literal('fssp'),
  migrations: z.array(z.string()),
  schemaVersion: z.number().int(),
});

/** The first route (replace it as the service grows): validate → one use case → respond. */
export function aboutRoutes(api: Api, deps: FsspDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/fssps/about',
    summary: 'Fssp: the service and the schema version of its database',
    tag: 'fssps',
    query: z.strictObject({}),
    success: { status: 200, schema: answer },
    handler: async () => ({ service: 'fssp' as const, ...(await describeService(deps)) }),
  });
}
