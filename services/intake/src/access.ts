import { participantGate, type Action } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import type { ParticipantView } from './domain/participant';
import { findParticipant } from './store/participants';

const gate = participantGate(findParticipant);

/**
 * The participant, if the actor may perform `action` on it; otherwise 404 exactly as if it did not
 * exist, with the denial audited after the answer. Every participant-scoped route goes through here.
 */
export async function participantFor(
  db: Queryable,
  actor: Actor,
  participantId: string,
  action: Action,
): Promise<ParticipantView> {
  return (await gate(db, actor, participantId, action, new Date())).view;
}
