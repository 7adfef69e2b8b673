import { z } from 'zod';
import { defineRoute, type Api } from '@hearth/http';
import type { DocumentsDeps } from '../deps';
import { describeService } from '../use-cases/describe-service';

const answer = z.object({
  service: z.literal('documents'),
  migrations: z.array(z.string()),
  schemaVersion: z.number().int(),
});

/** The first route (replace it as the service grows): validate → one use case → respond. */
export function aboutRoutes(api: Api, deps: DocumentsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/documents/about',
    summary: 'Documents: the service and the schema version of its database',
    tag: 'documents',
    query: z.strictObject({}),
    success: { status: 200, schema: answer },
    handler: async () => ({ service: 'documents' as const, ...(await describeService(deps)) }),
  });
}
