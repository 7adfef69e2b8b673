import { canSeeParticipant } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { EnrollmentDeps } from '../deps';
import { participantIdsOfPerson } from '@hearth/people';
import { enrollmentsOf } from '../store/enrollment-lists';
import { findParticipants } from '../store/participant-facts';
import { findProgram } from '../store/programs';

/**
 * A page of the participant's enrollments (as head or member) that the actor may see, with each
 * program's name; `more` says whether another page follows the last item. A person linked in
 * intake (libs/people) shows the enrollments of all their records together, but only to an actor
 * who may see every one of those records (the stricter sharing applies to the person); another
 * sees this record's enrollments alone, as before the link.
 */
export async function listEnrollments(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  request: {
    participantId: string;
    limit: number;
    after?: { applicationDate: string; id: string };
  },
) {
  const now = deps.clock();
  const personIds = await participantIdsOfPerson(deps.pool, request.participantId);
  const sharing = await findParticipants(deps.pool, personIds);
  const seesPerson = personIds.every((id) => {
    const known = sharing.get(id);
    return known !== undefined && canSeeParticipant(actor, known.sharing, now).allowed;
  });
  const rows = await enrollmentsOf(
    deps.pool,
    seesPerson ? personIds : [request.participantId],
    { actor, now },
    { limit: request.limit + 1, after: request.after },
  );
  // the query selected only enrollments whose head is visible; each item still passes the
  // decision of the record it describes (its head), as every list item must
  const heads = await findParticipants(
    deps.pool,
    rows.map((e) => e.headParticipantId),
  );
  const visible = rows.slice(0, request.limit).filter((e) => {
    const head = heads.get(e.headParticipantId);
    return head !== undefined && canSeeParticipant(actor, head.sharing, now).allowed;
  });
  const programs = new Map<string, string>();
  for (const e of visible)
    if (!programs.has(e.programId))
      programs.set(e.programId, (await findProgram(deps.pool, e.programId))!.name);
  return {
    items: visible.map(({ registration: _answers, ...e }) => ({
      ...e,
      programName: programs.get(e.programId),
      active: e.exitDate === null,
    })),
    more: rows.length > request.limit && visible.length > 0,
  };
}
