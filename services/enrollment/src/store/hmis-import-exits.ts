import type { Queryable } from '@hearth/db';
import type { HmisExit } from '@hearth/events';

export type LaterExitState = 'recorded' | 'joined' | 'refused';

/** Keeps a later import's exit with what became of it; false when it was here already (a replay). */
export async function keepLaterExit(
  tx: Queryable,
  orgId: string,
  data: HmisExit,
  outcome: { state: LaterExitState; reason: string | null },
  now: Date,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_import_exits (org_id, exit_id, export_id, enrollment_id, import_id, data,
       state, reason, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT DO NOTHING`,
    [
      orgId,
      data.exit.exitId,
      data.exportId,
      data.enrollmentId,
      data.importId,
      data,
      outcome.state,
      outcome.reason?.slice(0, 1000) ?? null,
      now,
    ],
  );
  return rowCount === 1;
}

export async function laterExitKept(db: Queryable, orgId: string, exitId: string) {
  const { rowCount } = await db.query(
    'SELECT 1 FROM hmis_import_exits WHERE org_id = $1 AND exit_id = $2',
    [orgId, exitId],
  );
  return rowCount === 1;
}

/** A pending imported enrollment takes the exit, to be recorded with it; false if it has one. */
export async function joinPendingImport(
  tx: Queryable,
  row: { orgId: string; exportId: string; enrollmentId: string },
  exit: HmisExit['exit'],
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE hmis_import_enrollments SET data = jsonb_set(data, '{exit}', $4)
     WHERE org_id = $1 AND export_id = $2 AND enrollment_id = $3 AND state = 'pending'
       AND data->'exit' = 'null'::jsonb`,
    [row.orgId, row.exportId, row.enrollmentId, exit],
  );
  return rowCount === 1;
}

/** A member's own exit on the household's enrollment; false when they left already. */
export async function exitImportedMember(
  tx: Queryable,
  enrollmentId: string,
  participantId: string,
  exitDate: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE enrollment_members SET exit_date = $3
     WHERE enrollment_id = $1 AND participant_id = $2 AND removed_at IS NULL
       AND NOT is_head AND exit_date IS NULL`,
    [enrollmentId, participantId, exitDate],
  );
  return rowCount === 1;
}

export interface KeptImport {
  orgId: string;
  exportId: string;
  enrollmentId: string;
  state: 'pending' | 'recorded' | 'refused';
  reason: string | null;
  recordedAs: string | null;
  data: { personalId: string; entryDate: string; relationshipToHoH: number };
}

/** An imported enrollment as kept here, by the sender's ids (null: its announcement not here). */
export async function keptImportOf(
  db: Queryable,
  k: { orgId: string; exportId: string; enrollmentId: string },
): Promise<KeptImport | null> {
  const { rows } = await db.query<KeptImport>(
    `SELECT org_id AS "orgId", export_id AS "exportId", enrollment_id AS "enrollmentId", state,
            reason, recorded_as AS "recordedAs", data
     FROM hmis_import_enrollments WHERE org_id = $1 AND export_id = $2 AND enrollment_id = $3`,
    [k.orgId, k.exportId, k.enrollmentId],
  );
  return rows[0] ?? null;
}
