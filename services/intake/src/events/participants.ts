import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { ParticipantCreated, ParticipantUpdated, createEvent } from '@hearth/events';
import { factsOf } from '../domain/record';
import type { ParticipantView } from '../domain/participant';

/** intake.participant.created or .updated with the facts other services may know, in `tx`. */
export async function announceParticipant(
  tx: Queryable,
  actor: Actor,
  definition: typeof ParticipantCreated | typeof ParticipantUpdated,
  view: ParticipantView,
): Promise<void> {
  await recordEvent(
    tx,
    createEvent(definition, { orgId: actor.orgId, ...authorOf(actor), data: factsOf(view) }),
  );
}
