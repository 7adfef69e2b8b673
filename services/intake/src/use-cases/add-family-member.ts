import type { z } from 'zod';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { Problem } from '@hearth/http';
import { dateOf } from '@hearth/time';
import { familyFor, participantFor, participantOrNull } from '../access';
import type { IntakeDeps } from '../deps';
import {
  checkAddition,
  checkLeaving,
  checkNewMember,
  headOf,
  type newMember,
} from '../domain/families';
import { announceFamily } from '../events/families';
import * as store from '../store/families';
import { changeFamilies, changedMeanwhile, lockedMembers } from './family-changes';
import { refuseIf } from './refuse';

type Addition = z.infer<typeof newMember>;

/**
 * The other families an addition changes: the ones the participant leaves, and the one that stops
 * being their current family (which changes that household's eligibility as much as leaving).
 */
async function otherFamiliesChanged(
  db: Queryable,
  familyId: string,
  participantId: string,
  body: Addition,
): Promise<string[]> {
  const stays = (await store.activeStaysOf(db, participantId)).filter(
    (s) => s.familyId !== familyId,
  );
  return stays
    .filter((s) => body.leaveOtherFamilies || (body.makeCurrentFamily && s.isCurrentFamily))
    .map((s) => s.familyId);
}

/** Each of those families needs the same write access as the family joined. */
async function gateOtherFamilies(
  deps: IntakeDeps,
  actor: Actor,
  familyIds: string[],
  leaving: boolean,
) {
  for (const other of familyIds) {
    const head = headOf(await store.activeMembers(deps.pool, other));
    if (head && !(await participantOrNull(deps, actor, head.participantId, 'write')))
      throw new Problem(
        403,
        'Forbidden',
        'The participant is also in a family your organization cannot change; only its organization can take them out of it.',
        [
          leaving
            ? { field: 'leaveOtherFamilies', message: 'Leave out, or set to false' }
            : { field: 'makeCurrentFamily', message: 'Set to false to keep that family current' },
        ],
      );
  }
}

/** Add a participant to a household, optionally as their current family, leaving all others. */
export async function addFamilyMember(
  deps: IntakeDeps,
  actor: Actor,
  familyId: string,
  body: Addition,
) {
  const { participantId, relationship, makeCurrentFamily: isCurrentFamily } = body;
  const today = dateOf(deps.clock());
  const joinedOn = body.joinedOn ?? today;
  refuseIf(checkNewMember({ ...body, joinedOn }, today));
  const gateId = await familyFor(deps, actor, familyId);
  await participantFor(deps, actor, participantId, 'write');
  const allowed = await otherFamiliesChanged(deps.pool, familyId, participantId, body);
  await gateOtherFamilies(deps, actor, allowed, body.leaveOtherFamilies);
  return changeFamilies(deps.pool, async (tx) => {
    const others = (await store.activeFamilyIdsOf(tx, participantId)).filter((f) => f !== familyId);
    await store.lockFamilies(tx, [familyId, ...others]);
    const changed = await otherFamiliesChanged(tx, familyId, participantId, body);
    if (changed.some((f) => !allowed.includes(f))) throw changedMeanwhile();
    refuseIf(checkAddition(await lockedMembers(tx, familyId, gateId), body));
    const left = body.leaveOtherFamilies ? others : [];
    for (const other of left) {
      refuseIf(checkLeaving(await store.activeMembers(tx, other), participantId));
      await store.leaveFamily(tx, other, participantId, today);
    }
    const noLongerCurrent = isCurrentFamily
      ? await store.clearCurrentFamily(tx, participantId)
      : [];
    await store.insertMember(tx, {
      familyId,
      participantId,
      relationship,
      joinedOn,
      isCurrentFamily,
    });
    await announceFamily(tx, actor, familyId, []);
    for (const other of left) await announceFamily(tx, actor, other, [participantId]);
    for (const other of noLongerCurrent) await announceFamily(tx, actor, other, []);
    return {
      familyId,
      participantId,
      relationship,
      joinedOn,
      leftOn: null,
      isCurrentFamily,
      leftFamilyIds: left,
    };
  });
}
