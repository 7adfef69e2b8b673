import type { Queryable } from '@hearth/db';
import type { ParticipantFacts } from '@hearth/events';

/** Keep a participant's name from intake's snapshot; one older than the kept one changes nothing. */
export async function saveParticipantName(
  tx: Queryable,
  p: Pick<ParticipantFacts, 'participantId' | 'firstName' | 'middleName' | 'lastName'>,
  asOf: string,
) {
  await tx.query(
    `INSERT INTO participant_names (participant_id, first_name, middle_name, last_name, as_of)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (participant_id) DO UPDATE SET first_name = EXCLUDED.first_name,
       middle_name = EXCLUDED.middle_name, last_name = EXCLUDED.last_name, as_of = EXCLUDED.as_of
     WHERE participant_names.as_of < EXCLUDED.as_of`,
    [p.participantId, p.firstName, p.middleName, p.lastName, asOf],
  );
}

/** The full names known of these participants ("First Middle Last"), by id. */
export async function namesOf(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT participant_id AS id, concat_ws(' ', first_name, middle_name, last_name) AS name
     FROM participant_names WHERE participant_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
