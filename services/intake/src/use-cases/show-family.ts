import type { Actor } from '@hearth/auth';
import { notFound } from '@hearth/http';
import { participantOrNull } from '../access';
import type { ReadDeps } from '../deps';
import { familyView } from '../domain/families';
import type { ParticipantView } from '../domain/participant';
import { activeMembers, findFamily } from '../store/families';

/** A family and its current members as far as the actor may see them; 404 when they see none. */
export async function showFamily(deps: ReadDeps, actor: Actor, familyId: string) {
  const found = await findFamily(deps.pool, familyId);
  const active = found ? await activeMembers(deps.pool, familyId) : [];
  const visible = new Map<string, ParticipantView>();
  for (const m of active) {
    const seen = await participantOrNull(deps, actor, m.participantId, 'read');
    if (seen) visible.set(m.participantId, seen);
  }
  if (!found || !visible.size) throw notFound('The family');
  return familyView(found, active, visible);
}
