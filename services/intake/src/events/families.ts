import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { FamilyChanged, createEvent } from '@hearth/events';
import { familySnapshot, type Membership } from '../domain/families';
import { activeMembers } from '../store/families';

/**
 * intake.family.changed with who is in the family now (read in `tx`, after the change), and who
 * just left it. Returns the active members it announced.
 */
export async function announceFamily(
  tx: Queryable,
  actor: Actor,
  familyId: string,
  removed: string[],
): Promise<Membership[]> {
  const active = await activeMembers(tx, familyId);
  await recordEvent(
    tx,
    createEvent(FamilyChanged, {
      orgId: actor.orgId,
      ...authorOf(actor),
      data: familySnapshot(familyId, active, removed),
    }),
  );
  return active;
}
