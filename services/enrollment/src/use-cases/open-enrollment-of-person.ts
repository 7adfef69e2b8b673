import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { conflict, type Problem } from '@hearth/http';
import { participantIdsOfPerson, recordsListedTogether } from '@hearth/people';
import { openEnrollmentOf } from '../store/enrollment-lists';

/**
 * "One open enrollment per program" counts the person (issue 18): an open enrollment in the
 * program of any record linked to the head (chains too) refuses a new one, named when the actor
 * may see the person whole (else the rule still holds, without showing another record's id).
 * `lock` holds the person's links until the caller commits, so two enrollments through two records
 * of one person at once are decided one after the other (the unique index holds one record alone).
 */
export async function openEnrollmentOfPerson(
  db: Queryable,
  actor: Actor,
  request: { headParticipantId: string; programId: string },
  now: Date,
  options: { lock?: boolean } = {},
): Promise<Problem | null> {
  const person = await participantIdsOfPerson(db, request.headParticipantId, options);
  const open = await openEnrollmentOf(db, person, request.programId);
  if (!open) return null;
  const seen = await recordsListedTogether(db, actor, request.headParticipantId, now);
  return conflict('The person already has an open enrollment in this program; continue that one.', [
    {
      field: 'headParticipantId',
      message: seen.has(open.headParticipantId)
        ? `Open enrollment ${open.id} of participant ${open.headParticipantId}`
        : 'Already enrolled in this program',
    },
  ]);
}
