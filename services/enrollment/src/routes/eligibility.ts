import { z } from 'zod';
import { canSeeParticipant } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { defineRoute, isoDate, uuid, type Api } from '@hearth/http';
import { participantFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { dateOf } from '@hearth/time';
import { evaluateEligibility } from '../domain/eligibility';
import type { Criterion } from '../domain/criteria';
import { eligibilityFacts } from '../domain/facts';
import { currentFamilyOf } from '../store/families';
import { findParticipants, type KnownParticipant } from '../store/participant-facts';
import { listPrograms } from '../store/programs';

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

/** Before any enrollment there are no registration answers: criteria on them are "unknown". */
const judge = (criteria: Criterion[], person: KnownParticipant, on: string) => ({
  participantId: person.participantId,
  firstName: person.firstName,
  lastName: person.lastName,
  ...evaluateEligibility(criteria, eligibilityFacts(person, {}, on)),
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
      const on = query.on ?? dateOf(now);
      const participant = await participantFor(deps.pool, actor, query.participantId, 'read', now);
      const relatives = await currentFamilyOf(deps.pool, participant.participantId);
      const known = await findParticipants(
        deps.pool,
        relatives.map((r) => r.participantId),
      );
      // Family members another organization keeps to itself are left out, not revealed.
      const family = relatives.flatMap((r) => {
        const person = known.get(r.participantId);
        return person && canSeeParticipant(actor, person.sharing, now).allowed
          ? [{ ...person, relationship: r.relationship }]
          : [];
      });
      const programs = (await listPrograms(deps.pool, actor.orgId, on)).filter(
        (p) => !query.hideWithoutCriteria || p.eligibilityCriteria.length > 0,
      );
      return {
        participantId: participant.participantId,
        on,
        items: programs.map((p) => ({
          programId: p.id,
          programName: p.name,
          fundingSource: p.fundingSource,
          hasCriteria: p.eligibilityCriteria.length > 0,
          participant: judge(p.eligibilityCriteria, participant, on),
          familyMembers: family.map((m) => ({
            ...judge(p.eligibilityCriteria, m, on),
            relationship: m.relationship,
          })),
        })),
      };
    },
  });
}
