import { z } from 'zod';
import { defineRoute, type Api } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { describeService } from '../use-cases/describe-service';

const answer = z.object({
  service: z.literal('rent-assistance'),
  migrations: z.array(z.string()),
  schemaVersion: z.number().int(),
});

/** The first route (replace it as the service grows): validate → one use case → respond. */
export function aboutRoutes(api: Api, deps: RentAssistanceDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/about',
    summary: 'Rent assistance: the service and the schema version of its database',
    tag: 'rent-assistance',
    query: z.strictObject({}),
    success: { status: 200, schema: answer },
    handler: async () => ({
      service: 'rent-assistance' as const,
      ...(await describeService(deps)),
    }),
  });
}
