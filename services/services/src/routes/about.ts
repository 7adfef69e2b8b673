import { z } from 'zod';
import { defineRoute, type Api } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { describeService } from '../use-cases/describe-service';

const answer = z.object({
  service: z.literal('services'),
  migrations: z.array(z.string()),
  schemaVersion: z.number().int(),
});

/** The first route (replace it as the service grows): validate → one use case → respond. */
export function aboutRoutes(api: Api, deps: ServicesDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/services/about',
    summary: 'Services: the service and the schema version of its database',
    tag: 'services',
    query: z.strictObject({}),
    success: { status: 200, schema: answer },
    handler: async () => ({ service: 'services' as const, ...(await describeService(deps)) }),
  });
}
