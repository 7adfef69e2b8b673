import { canSeeParticipant } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import type { Criterion } from '../domain/criteria';
import { evaluateEligibility } from '../domain/eligibility';
import { eligibilityFacts } from '../domain/facts';
import { currentFamilyOf } from '@hearth/families';
import type { KnownParticipant } from '../store/participant-facts';
import { findParticipants } from '../store/participant-facts';
import { listPrograms } from '../store/programs';

/** Before any enrollment there are no registration answers: criteria on them are "unknown". */
const judge = (criteria: Criterion[], person: KnownParticipant, on: string) => ({
  participantId: person.participantId,
  firstName: person.firstName,
  lastName: person.lastName,
  ...evaluateEligibility(criteria, eligibilityFacts(person, {}, on)),
});

/**
 * The participant's eligibility, and each visible family member's, for every program the
 * actor's organization offers on a date, with every reason (or what is still unknown).
 */
export async function checkEligibility(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  participant: KnownParticipant,
  request: { on?: string; hideWithoutCriteria: boolean },
) {
  const now = deps.clock();
  const on = request.on ?? dateOf(now);
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
    (p) => !request.hideWithoutCriteria || p.eligibilityCriteria.length > 0,
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
}
