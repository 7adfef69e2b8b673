import { participantGate, type Action } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { Problem, forbidden, notFound } from '@hearth/http';
import { headOf } from './domain/families';
import type { ParticipantView } from './domain/participant';
import type { ReadDeps } from './deps';
import { activeMembers } from './store/families';
import { findParticipant } from './store/participants';

/*
 * Intake's wiring of the shared participant gate (libs/access) to its own participants table. It
 * stays a file of its own: routes gate with it and use cases re-check with it, so it belongs to
 * neither, and it holds no rule of its own beyond "sharing is the owner's" and "a family is its head's".
 */
const gate = participantGate(findParticipant);

/**
 * The participant, if the actor may perform `action` on it; otherwise 404 exactly as if it did not
 * exist, with the denial audited after the answer. Every participant-scoped route goes through here.
 * It runs on the pool, never in a transaction, so a denial's audit row survives the 404.
 */
export async function participantFor(
  deps: ReadDeps,
  actor: Actor,
  participantId: string,
  action: Action,
): Promise<ParticipantView> {
  return (await gate(deps.pool, actor, participantId, action, deps.clock())).view;
}

/** The participant if the actor may perform `action` on it, else null (still audited). */
export function participantOrNull(
  deps: ReadDeps,
  actor: Actor,
  participantId: string,
  action: Action,
): Promise<ParticipantView | null> {
  return participantFor(deps, actor, participantId, action).catch((err: unknown) => {
    if (err instanceof Problem && err.status === 404) return null;
    throw err;
  });
}

/** Sharing is the participant's consent as recorded by the agency that took them in: only it changes it. */
export async function ownedParticipantFor(
  deps: ReadDeps,
  actor: Actor,
  participantId: string,
): Promise<ParticipantView> {
  const participant = await participantFor(deps, actor, participantId, 'write');
  if (participant.ownerOrgId !== actor.orgId) {
    throw forbidden(
      'Only the organization that took this participant in can change their sharing and releases.',
    );
  }
  return participant;
}

/**
 * Changing a family needs write access to the family itself, which is its head's: a member shared
 * with another organization is no way into a family whose head that organization may not change.
 * Answers the head's id (the member the actor was let in by); 404 when the family is not theirs.
 */
export async function familyFor(deps: ReadDeps, actor: Actor, familyId: string): Promise<string> {
  const head = headOf(await activeMembers(deps.pool, familyId));
  if (!head || !(await participantOrNull(deps, actor, head.participantId, 'write')))
    throw notFound('The family');
  return head.participantId;
}
