import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, isoDate, uuid, type Api } from '@hearth/http';
import { participantFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { checkEligibility } from '../use-cases/check-eligibility';

const query = z.strictObject({
  participantId: uuid(),
  on: isoDate().optional().describe('The date eligibility is judged on; today by default'),
  hideWithoutCriteria: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
const result = z.object({ participantId: z.string(), status: z.string() }).passthrough();
const answer = z.object({
  participantId: z.string(),
  on: z.string(),
  items: z.array(
    z
      .object({ programId: z.string(), participant: result, familyMembers: z.array(result) })
      .passthrough(),
  ),
});

export function eligibilityRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/eligibility',
    summary:
      'Eligibility for each program your organization offers, for the participant and each family member, with every reason',
    tag: 'eligibility',
    query,
    success: { status: 200, schema: answer },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const participant = await participantFor(deps.pool, actor, query.participantId, 'read', now);
      return checkEligibility(deps, actor, participant, query);
    },
  });
}
