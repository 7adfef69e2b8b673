import type { Queryable } from '@hearth/db';

export async function saveCaseNote(
  tx: Queryable,
  n: { noteId: string; participantId: string; orgId: string },
  deleted: boolean,
) {
  await tx.query(
    `INSERT INTO case_notes (note_id, participant_id, org_id, deleted) VALUES ($1, $2, $3, $4)
     ON CONFLICT (note_id) DO UPDATE SET deleted = case_notes.deleted OR $4`,
    [n.noteId, n.participantId, n.orgId, deleted],
  );
}

export async function isLiveNoteOf(
  db: Queryable,
  noteId: string,
  participantId: string,
  orgId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM case_notes
     WHERE note_id = $1 AND participant_id = $2 AND org_id = $3 AND NOT deleted`,
    [noteId, participantId, orgId],
  );
  return rowCount === 1;
}
