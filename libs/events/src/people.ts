import { z } from 'zod';
import { defineEvent } from './envelope';

/**
 * Two participant records linked as one person (intake, issue 18): neither record changed, both
 * ids stay valid. `personId` is the surviving record's id; every service that lists a
 * participant's records follows the link through these two events (libs/people). Links chain:
 * each event names one link's two records, a person is every record its links reach.
 */
const personLink = z.strictObject({
  linkId: z.string().uuid(),
  personId: z.string().uuid(),
  survivingParticipantId: z.string().uuid(),
  participantIds: z.array(z.string().uuid()).length(2),
  at: z.string().datetime(),
});
export type PersonLink = z.infer<typeof personLink>;

export const PersonLinked = defineEvent('intake.person.linked', 1, personLink);
/** The link undone: each record is a person of its own again, with its own records under it. */
export const PersonUnlinked = defineEvent('intake.person.unlinked', 1, personLink);

/**
 * A supervisor decided two suspected duplicates are not the same person (final for the pair):
 * ids only, never the reason typed, for the audit trail of each record.
 */
export const DuplicateDismissed = defineEvent(
  'intake.duplicate.dismissed',
  1,
  z.strictObject({
    participantIds: z.array(z.string().uuid()).length(2),
    at: z.string().datetime(),
  }),
);

export const peopleEvents = [PersonLinked, PersonUnlinked, DuplicateDismissed] as const;
