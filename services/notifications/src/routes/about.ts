import { z } from 'zod';
import { defineRoute, type Api } from '@hearth/http';
import type { NotificationsDeps } from '../deps';
import { describeService } from '../use-cases/describe-service';

const answer = z.object({
  service: z.literal('notifications'),
  migrations: z.array(z.string()),
  schemaVersion: z.number().int(),
});

/** The first route (replace it as the service grows): validate → one use case → respond. */
export function aboutRoutes(api: Api, deps: NotificationsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/notifications/about',
    summary: 'Notifications: the service and the schema version of its database',
    tag: 'notifications',
    query: z.strictObject({}),
    success: { status: 200, schema: answer },
    handler: async () => ({ service: 'notifications' as const, ...(await describeService(deps)) }),
  });
}
