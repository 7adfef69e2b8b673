import type { Queryable } from '@hearth/db';
import type { CaseNote, NewCaseNote, NoteRestriction } from '../domain/case-notes';

export interface CaseNoteRecord extends CaseNote {
  createdAt: string;
  updatedAt: string;
}

const toRecord = (r: Record<string, unknown>): CaseNoteRecord => ({
  id: r.id as string,
  participantId: r.participant_id as string,
  orgId: r.org_id as string,
  authorUserId: r.author_user_id as string,
  staffUserId: r.staff_user_id as string,
  noteDate: r.note_date as string,
  text: r.text as string,
  readOnly: r.read_only as boolean,
  restriction: r.restriction as NoteRestriction,
  version: r.version as number,
  createdAt: (r.created_at as Date).toISOString(),
  updatedAt: (r.updated_at as Date).toISOString(),
});

export async function insertCaseNote(
  tx: Queryable,
  id: string,
  note: NewCaseNote,
): Promise<CaseNoteRecord> {
  const { rows } = await tx.query(
    `INSERT INTO case_notes
       (id, participant_id, org_id, author_user_id, staff_user_id, note_date, text, read_only, restriction)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      id,
      note.participantId,
      note.orgId,
      note.authorUserId,
      note.staffUserId,
      note.noteDate,
      note.text,
      note.readOnly,
      note.restriction,
    ],
  );
  return toRecord(rows[0]);
}

/** A participant's note, unless deleted; `forUpdate` locks it for the edit that follows. */
export async function findCaseNote(
  db: Queryable,
  participantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseNoteRecord | null> {
  const { rows } = await db.query(
    `SELECT * FROM case_notes WHERE id = $1 AND participant_id = $2 AND deleted_at IS NULL
     ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [id, participantId],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** A note by its id alone (the route names no participant), unless deleted; `forUpdate` locks it. */
export async function findCaseNoteById(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseNoteRecord | null> {
  const { rows } = await db.query(
    `SELECT * FROM case_notes WHERE id = $1 AND deleted_at IS NULL
     ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Which notes a reader could see at all, so a page's limit and cursor count only those: their
 * organization's (a `user` note only when they wrote it) and, when their organization holds an
 * active release of the participant, `mou` notes. Each row still passes decideNoteAccess.
 */
export interface NoteReader {
  orgId: string;
  userId: string;
  releasedMou: boolean;
  /** Listing a linked person's records: those of them whose release it holds (else all or none). */
  releasedMouOf?: readonly string[];
}

/**
 * A participant's notes (or a linked person's, of several records), newest first, after the
 * (noteDate, id) cursor, narrowed to what `reader` could read when given.
 */
export async function listCaseNotes(
  db: Queryable,
  participantIds: string | readonly string[],
  options: {
    limit: number;
    after?: { noteDate: string; id: string };
    ids?: readonly string[];
    reader?: NoteReader;
  },
): Promise<CaseNoteRecord[]> {
  const { reader } = options;
  const ids = typeof participantIds === 'string' ? [participantIds] : participantIds;
  const releasedMou = reader?.releasedMouOf ?? (reader?.releasedMou ? ids : []);
  const { rows } = await db.query(
    `SELECT * FROM case_notes
     WHERE participant_id = ANY ($1::uuid[]) AND deleted_at IS NULL
       AND ($2::date IS NULL OR (note_date, id) < ($2::date, $3::uuid))
       AND ($4::uuid[] IS NULL OR id = ANY ($4::uuid[]))
       AND ($6::uuid IS NULL
         OR (org_id = $6::uuid AND (restriction <> 'user' OR author_user_id = $7::uuid))
         OR (restriction = 'mou' AND participant_id = ANY ($8::uuid[])))
     ORDER BY note_date DESC, id DESC
     LIMIT $5`,
    [
      ids,
      options.after?.noteDate ?? null,
      options.after?.id ?? null,
      options.ids ?? null,
      options.limit,
      reader?.orgId ?? null,
      reader?.userId ?? null,
      releasedMou,
    ],
  );
  return rows.map(toRecord);
}

/**
 * Writes an edited note when the stored one is still at `note.version - 1` and not read-only (the
 * database holds the read-only rule too, against a race with the edit that made it final).
 * Null: someone changed, finalized or deleted it meanwhile.
 */
export async function updateCaseNote(
  tx: Queryable,
  note: CaseNote,
): Promise<CaseNoteRecord | null> {
  const { rows } = await tx.query(
    `UPDATE case_notes
     SET staff_user_id = $3, note_date = $4, text = $5, read_only = $6, restriction = $7,
         version = $8, updated_at = now()
     WHERE id = $1 AND participant_id = $2 AND version = $8 - 1
       AND NOT read_only AND deleted_at IS NULL
     RETURNING *`,
    [
      note.id,
      note.participantId,
      note.staffUserId,
      note.noteDate,
      note.text,
      note.readOnly,
      note.restriction,
      note.version,
    ],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Marks a note deleted at its current version (never a read-only one); false when it was not. */
export async function deleteCaseNote(
  tx: Queryable,
  participantId: string,
  id: string,
  version: number,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE case_notes SET deleted_at = now(), updated_at = now(), version = version + 1
     WHERE id = $1 AND participant_id = $2 AND version = $3 AND NOT read_only AND deleted_at IS NULL`,
    [id, participantId, version],
  );
  return rowCount === 1;
}
