import { z } from 'zod';
import { defineRoute, type Api } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { describeService } from '../use-cases/describe-service';

const answer = z.object({
  service: z.literal('referrals'),
  migrations: z.array(z.string()),
  schemaVersion: z.number().int(),
});

/** The first route (replace it as the service grows): validate → one use case → respond. */
export function aboutRoutes(api: Api, deps: ReferralsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/referrals/about',
    summary: 'Referrals: the service and the schema version of its database',
    tag: 'referrals',
    query: z.strictObject({}),
    success: { status: 200, schema: answer },
    handler: async () => ({ service: 'referrals' as const, ...(await describeService(deps)) }),
  });
}
