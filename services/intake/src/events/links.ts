import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { DuplicateDismissed, PersonLinked, PersonUnlinked, createEvent } from '@hearth/events';
import type { PersonLinkRow } from '../store/links';

/** intake.person.linked or .unlinked in `tx`: ids only, never the reason a worker typed. */
export async function announceLink(
  tx: Queryable,
  actor: Actor,
  definition: typeof PersonLinked | typeof PersonUnlinked,
  link: PersonLinkRow,
): Promise<void> {
  const at = definition === PersonUnlinked ? link.unlinkedAt! : link.linkedAt;
  await recordEvent(
    tx,
    createEvent(definition, {
      orgId: actor.orgId,
      ...authorOf(actor),
      occurredAt: new Date(at),
      data: {
        linkId: link.linkId,
        personId: link.personId,
        survivingParticipantId: link.survivingParticipantId,
        participantIds: link.participantIds,
        at,
      },
    }),
  );
}

/** intake.duplicate.dismissed in `tx`: the pair's ids only, for each record's audit trail. */
export async function announceDismissal(
  tx: Queryable,
  actor: Actor,
  participantIds: [string, string],
  at: Date,
): Promise<void> {
  await recordEvent(
    tx,
    createEvent(DuplicateDismissed, {
      orgId: actor.orgId,
      ...authorOf(actor),
      occurredAt: at,
      data: { participantIds, at: at.toISOString() },
    }),
  );
}
