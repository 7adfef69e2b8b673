import { auditDenial, decideAccess, type Action } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { notFound } from '@hearth/http';
import type { ParticipantView } from './domain/participant';
import { findParticipant } from './store/participants';

/**
 * The participant, if the actor may perform `action` on it; otherwise 404 exactly as if it did not
 * exist, with the denial written to the audit table. Every participant-scoped route goes through here.
 */
export async function participantFor(
  db: Queryable,
  actor: Actor,
  participantId: string,
  action: Action,
): Promise<ParticipantView> {
  const found = await findParticipant(db, participantId);
  if (!found) throw notFound('The participant');
  const decision = decideAccess({ actor, participant: found.sharing, action, now: new Date() });
  if (!decision.allowed) {
    await auditDenial(db, actor, participantId, action, decision.reason);
    throw notFound('The participant');
  }
  return found.view;
}
