import type { z } from 'zod';
import type { Actor } from '@hearth/auth';
import { conflict, notFound } from '@hearth/http';
import { participantFor } from '../access';
import type { IntakeDeps } from '../deps';
import { HEAD, headOf, planHeadChange, type headChange } from '../domain/families';
import { announceFamily } from '../events/families';
import { activeMembers, setRelationship } from '../store/families';
import { changeFamilies, lockedMembers } from './family-changes';
import { refuse } from './refuse';

/** Make another member the head; the former head takes `previousHeadRelationship`. */
export async function changeHead(
  deps: IntakeDeps,
  actor: Actor,
  familyId: string,
  body: z.infer<typeof headChange>,
) {
  await participantFor(deps, actor, body.participantId, 'write');
  // both heads change: the former one must be changeable too, and is the way into the family
  const head = headOf(await activeMembers(deps.pool, familyId));
  if (!head) throw notFound('The family');
  await participantFor(deps, actor, head.participantId, 'write');
  return changeFamilies(deps.pool, async (tx) => {
    const active = await lockedMembers(tx, familyId, head.participantId);
    if (headOf(active)?.participantId !== head.participantId)
      throw conflict('The head of this family changed meanwhile; reload and try again.');
    const plan = planHeadChange(active, body.participantId);
    if (plan && 'refusal' in plan) refuse(plan.refusal);
    if (plan) {
      // the former head steps down first: the one-head index holds after every statement
      await setRelationship(tx, familyId, plan.formerHeadId, body.previousHeadRelationship);
      await setRelationship(tx, familyId, body.participantId, HEAD);
      await announceFamily(tx, actor, familyId, []);
    }
    return {
      familyId,
      headParticipantId: body.participantId,
      previousHead: plan && {
        participantId: plan.formerHeadId,
        relationship: body.previousHeadRelationship,
      },
    };
  });
}
