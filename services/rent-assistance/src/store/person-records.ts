import type { Queryable } from '@hearth/db';
import { peopleOf } from '@hearth/people';
import type { RaRecord } from './records';

type Known = Pick<RaRecord, 'enrollmentId' | 'participantId' | 'programId'>;

/**
 * The records whose payments count against a record's total amount requested (issue 18): itself
 * and every other open RA record of its person (intake's links, chains too, libs/people) in the
 * same program, least id first. Enrollment refuses a second open record of a linked person in a
 * program; two opened before the link are one episode entered twice, so they count once.
 */
export async function episodesOf(
  db: Queryable,
  records: readonly Known[],
): Promise<Map<string, string[]>> {
  const people = await peopleOf(
    db,
    records.map((r) => r.participantId),
  );
  const linked = records.filter((r) => people.get(r.participantId)!.length > 1);
  const { rows } = linked.length
    ? await db.query<Known>(
        `SELECT enrollment_id AS "enrollmentId", participant_id AS "participantId",
           program_id AS "programId"
         FROM ra_records WHERE participant_id = ANY($1::uuid[]) AND program_id = ANY($2::uuid[])
           AND exit_date IS NULL AND pre_program_exit_on IS NULL`,
        [linked.flatMap((r) => people.get(r.participantId)!), linked.map((r) => r.programId)],
      )
    : { rows: [] as Known[] };
  return new Map(
    records.map((r) => {
      const person = people.get(r.participantId)!;
      const others = rows
        .filter((o) => o.programId === r.programId && person.includes(o.participantId))
        .map((o) => o.enrollmentId);
      return [r.enrollmentId, [...new Set([r.enrollmentId, ...others])].sort()];
    }),
  );
}

/** Locks the records in id order (as a batch locks its records), so payments wait in turn. */
export async function lockRecords(tx: Queryable, enrollmentIds: readonly string[]) {
  await tx.query(
    'SELECT 1 FROM ra_records WHERE enrollment_id = ANY($1::uuid[]) ORDER BY enrollment_id FOR UPDATE',
    [enrollmentIds],
  );
}

/** What an episode's payments commit together, from each record's committed cents. */
export const committedOfEpisode = (episode: readonly string[], committed: Map<string, number>) =>
  episode.reduce((sum, id) => sum + (committed.get(id) ?? 0), 0);
