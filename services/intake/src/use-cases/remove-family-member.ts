import type { Actor } from '@hearth/auth';
import { dateOf } from '@hearth/time';
import { familyFor, participantFor } from '../access';
import type { IntakeDeps } from '../deps';
import { checkRemoval } from '../domain/families';
import { announceFamily } from '../events/families';
import { leaveFamily } from '../store/families';
import { changeFamilies, lockedMembers } from './family-changes';
import { refuseIf } from './refuse';

/** A member leaves the family (kept in their family history); never the head. */
export async function removeFamilyMember(
  deps: IntakeDeps,
  actor: Actor,
  familyId: string,
  participantId: string,
) {
  const today = dateOf(deps.clock());
  // leaving changes the family: the actor may change the member and the family (its head)
  await participantFor(deps, actor, participantId, 'write');
  const gateId = await familyFor(deps, actor, familyId);
  return changeFamilies(deps.pool, async (tx) => {
    const active = await lockedMembers(tx, familyId, gateId);
    refuseIf(checkRemoval(active, participantId));
    await leaveFamily(tx, familyId, participantId, today);
    await announceFamily(tx, actor, familyId, [participantId]);
    const member = active.find((m) => m.participantId === participantId)!;
    return { ...member, leftOn: today, isCurrentFamily: false };
  });
}
