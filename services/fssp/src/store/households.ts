import type { Queryable } from '@hearth/db';

/**
 * The participant's current family as intake announced it (libs/families' tables): its id, its
 * head and the other current members. Undefined for a person entered alone.
 */
export async function currentFamily(db: Queryable, participantId: string) {
  const { rows } = await db.query<{
    familyId: string;
    headParticipantId: string;
    others: string[];
  }>(
    `SELECT f.family_id AS "familyId", f.head_participant_id AS "headParticipantId",
       array(SELECT o.participant_id FROM family_fact_members o
             WHERE o.family_id = f.family_id AND o.is_current_family AND o.participant_id <> $1
             ORDER BY o.participant_id) AS others
     FROM family_fact_members self JOIN family_facts f ON f.family_id = self.family_id
     WHERE self.participant_id = $1 AND self.is_current_family
     ORDER BY f.last_event_at DESC LIMIT 1`,
    [participantId],
  );
  return rows[0];
}
