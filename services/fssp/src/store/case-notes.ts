import type { Queryable } from '@hearth/db';

export interface CaseNoteFact {
  noteId: string;
  participantId: string;
  orgId: string;
  version: number;
}

/** Keep a note's facts; an older version arriving late changes nothing. */
export async function saveCaseNote(tx: Queryable, note: CaseNoteFact, deleted: boolean) {
  await tx.query(
    `INSERT INTO case_notes (id, participant_id, org_id, deleted, version)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET deleted = case_notes.deleted OR EXCLUDED.deleted,
       version = GREATEST(case_notes.version, EXCLUDED.version)`,
    [note.noteId, note.participantId, note.orgId, deleted, note.version],
  );
}

/** Which of the named notes are live notes of the organization on that participant. */
export async function liveCaseNotes(
  db: Queryable,
  orgId: string,
  notes: ReadonlyArray<{ participantId: string; noteId: string }>,
): Promise<Set<string>> {
  const { rows } = await db.query<{ key: string }>(
    `SELECT participant_id || ':' || id AS key FROM case_notes
     WHERE NOT deleted AND org_id = $3 AND (participant_id, id) IN
       (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
    [notes.map((n) => n.participantId), notes.map((n) => n.noteId), orgId],
  );
  return new Set(rows.map((r) => r.key));
}
