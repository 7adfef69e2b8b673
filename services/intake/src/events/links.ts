import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { PersonLinked, PersonUnlinked, createEvent } from '@hearth/events';
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
