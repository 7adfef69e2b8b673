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

/**
 * A suspected pair's life in intake's background scan (issue 17: data quality counts the records
 * in an open pair), ids and score only: never a name, a reason or another identifying field. The
 * pair comes lower id first; `version` rises with each announcement of the pair, in the order
 * intake wrote them, so a follower keeps the newest whatever the delivery order. A dismissal
 * (`intake.duplicate.dismissed`) is final and outranks both; a link of the two records as one
 * person (`intake.person.linked`) leaves the pair held but no longer open (it is listed nowhere).
 */
const pairIds = z
  .array(z.string().uuid())
  .length(2)
  .refine(([a, b]) => a! < b!, 'the lower id first, two different ids');
/** Found by the scan, or found again with another score. */
export const DuplicateSuspected = defineEvent(
  'intake.duplicate.suspected',
  1,
  z.strictObject({
    participantIds: pairIds,
    score: z.number().int().min(0).max(100),
    version: z.number().int().positive(),
    at: z.string().datetime(),
  }),
);
/** A rescan no longer finds the pair alike (a record was edited): it is no longer suspected. */
export const DuplicateCleared = defineEvent(
  'intake.duplicate.cleared',
  1,
  z.strictObject({
    participantIds: pairIds,
    version: z.number().int().positive(),
    at: z.string().datetime(),
  }),
);

export const peopleEvents = [
  PersonLinked,
  PersonUnlinked,
  DuplicateDismissed,
  DuplicateSuspected,
  DuplicateCleared,
] as const;
