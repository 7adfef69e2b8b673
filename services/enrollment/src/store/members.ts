import type { Queryable } from '@hearth/db';

export interface MemberRecord {
  participantId: string;
  isHead: boolean;
  relationship: string | null;
  overrideReason: string | null;
  addedByUserId: string;
  addedAt: string;
}

/** Adds a member; `dates` are an imported member's own entry and exit as sent. */
export async function addMember(
  tx: Queryable,
  m: Omit<MemberRecord, 'addedAt'> & { enrollmentId: string },
  dates: { entryDate: string; exitDate: string | null } | null = null,
): Promise<void> {
  await tx.query(
    `INSERT INTO enrollment_members (enrollment_id, participant_id, is_head, relationship,
       override_reason, added_by_user_id, entry_date, exit_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      m.enrollmentId,
      m.participantId,
      m.isHead,
      m.relationship,
      m.overrideReason,
      m.addedByUserId,
      dates?.entryDate ?? null,
      dates?.exitDate ?? null,
    ],
  );
}

/** The current members, head first. */
export async function currentMembers(db: Queryable, enrollmentId: string): Promise<MemberRecord[]> {
  const { rows } = await db.query(
    `SELECT * FROM enrollment_members WHERE enrollment_id = $1 AND removed_at IS NULL
     ORDER BY is_head DESC, added_at, participant_id`,
    [enrollmentId],
  );
  return rows.map((r) => ({
    participantId: r.participant_id,
    isHead: r.is_head,
    relationship: r.relationship,
    overrideReason: r.override_reason,
    addedByUserId: r.added_by_user_id,
    addedAt: (r.added_at as Date).toISOString(),
  }));
}

/** Mark a member removed (the row stays for history); false when they were not a member. */
export async function removeMember(
  tx: Queryable,
  enrollmentId: string,
  participantId: string,
  removedBy: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE enrollment_members SET removed_at = now(), removed_by_user_id = $3
     WHERE enrollment_id = $1 AND participant_id = $2 AND removed_at IS NULL AND NOT is_head`,
    [enrollmentId, participantId, removedBy],
  );
  return (rowCount ?? 0) > 0;
}
