import {
  auditDenialAfterAnswer,
  decideAccess,
  roleAllows,
  type Action,
  type Actor,
  type ParticipantSharing,
} from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { notFound } from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import { GRANTING_STATUSES } from '../domain/referral-access';
import { holdsReferralGrant } from '../store/referral-details';

export interface GatedParticipant {
  participantId: string;
  sharing: ParticipantSharing;
  /** Whether the participant's own sharing lets the actor in (else a referral's grant did). */
  bySharing: boolean;
}

/**
 * Every participant-scoped route goes through this gate: the sharing facts kept from intake's
 * events decide (libs/access); beyond them, an organization receiving a referral of the
 * participant reads them while that referral grants it (README, "The receiver's access"); the
 * grant never writes. A denial answers 404 exactly like an unknown participant and is audited. A
 * participant whose sharing has not arrived is unknown here: never fail open. Call it with the
 * pool, never a transaction's client (the denial is written after the answer).
 */
export async function participantFor(
  db: Queryable,
  actor: Actor,
  participantId: string,
  action: Action,
  now: Date,
  what = 'The participant',
): Promise<GatedParticipant> {
  const sharing = (await sharingOf(db, [participantId])).get(participantId);
  if (!sharing) throw notFound(what);
  const decision = decideAccess({ actor, participant: sharing, action, now });
  if (decision.allowed) return { participantId, sharing, bySharing: true };
  const granted =
    action === 'read' &&
    roleAllows(actor, 'read') &&
    (await holdsReferralGrant(db, participantId, actor.orgId, GRANTING_STATUSES));
  if (granted) return { participantId, sharing, bySharing: false };
  auditDenialAfterAnswer(db, actor, participantId, action, decision.reason);
  throw notFound(what);
}
