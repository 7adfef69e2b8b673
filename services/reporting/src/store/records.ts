import type { Queryable } from '@hearth/db';

export async function recordsOf(db: Queryable, participantId: string) {
  const { rows } = await db.query<{ id: string; createdAt: string }>(
    `SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
     FROM reporting_records WHERE participant_id = $1 ORDER BY created_at DESC LIMIT 200`,
    [participantId],
  );
  return rows;
}
