import { decideAccess, type Action } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { notFound } from '@hearth/http';
import { currentRequestId } from '@hearth/logging';
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
    await db.query(
      'INSERT INTO access_denials (user_id, org_id, participant_id, action, reason, request_id) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        actor.userId,
        actor.orgId,
        participantId,
        action,
        decision.reason,
        currentRequestId() ?? null,
      ],
    );
    throw notFound('The participant');
  }
  return found.view;
}
