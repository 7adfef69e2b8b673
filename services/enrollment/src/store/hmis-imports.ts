import type { Queryable } from '@hearth/db';
import type { HmisEnrollment } from '@hearth/events';

/** Who imported: the envelope's actor with the roles they had, kept with their rows. */
export interface Importer {
  userId: string;
  name: string;
  orgId: string;
  roles: string[];
}
export interface ImportedClient {
  orgId: string;
  exportId: string;
  personalId: string;
}
export interface PendingImport {
  orgId: string;
  exportId: string;
  enrollmentId: string;
  importer: Importer;
  data: HmisEnrollment;
}
export interface ClientMatch {
  outcome: string;
  participantId: string | null;
  reason: string | null;
}

/**
 * Both events of one imported client wait on this lock, so an enrollment and intake's answer
 * handled at once cannot each miss the other.
 */
export async function lockImportedClient(tx: Queryable, c: ImportedClient) {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 90))', [
    `${c.orgId}/${c.exportId}/${c.personalId}`,
  ]);
}

/** Keeps an imported enrollment; false when it was here already (a replay). */
export async function keepImportedEnrollment(
  tx: Queryable,
  importer: Importer,
  data: HmisEnrollment,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_import_enrollments
       (org_id, export_id, enrollment_id, personal_id, import_id, importer, data, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [
      importer.orgId,
      data.exportId,
      data.enrollmentId,
      data.personalId,
      data.importId,
      importer,
      data,
      now,
    ],
  );
  return rowCount === 1;
}

/** Keeps intake's answer for an imported client; false when it was here already. */
export async function keepClientMatch(tx: Queryable, c: ImportedClient, match: ClientMatch) {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_import_client_matches (org_id, export_id, personal_id, outcome,
       participant_id, reason) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [c.orgId, c.exportId, c.personalId, match.outcome, match.participantId, match.reason],
  );
  return rowCount === 1;
}

export async function clientMatchOf(db: Queryable, c: ImportedClient): Promise<ClientMatch | null> {
  const { rows } = await db.query<ClientMatch>(
    `SELECT outcome, participant_id AS "participantId", reason FROM hmis_import_client_matches
     WHERE org_id = $1 AND export_id = $2 AND personal_id = $3`,
    [c.orgId, c.exportId, c.personalId],
  );
  return rows[0] ?? null;
}

/** The client's imported enrollments still waiting for intake's answer. */
export async function pendingImportsOf(db: Queryable, c: ImportedClient): Promise<PendingImport[]> {
  const { rows } = await db.query<PendingImport>(
    `SELECT org_id AS "orgId", export_id AS "exportId", enrollment_id AS "enrollmentId",
            importer, data
     FROM hmis_import_enrollments
     WHERE org_id = $1 AND export_id = $2 AND personal_id = $3 AND state = 'pending'
     ORDER BY enrollment_id`,
    [c.orgId, c.exportId, c.personalId],
  );
  return rows;
}

export async function settleImport(
  tx: Queryable,
  row: Pick<PendingImport, 'orgId' | 'exportId' | 'enrollmentId'>,
  outcome: { recordedAs: string } | { refused: string },
  now: Date,
) {
  const recorded = 'recordedAs' in outcome;
  await tx.query(
    `UPDATE hmis_import_enrollments SET state = $4, recorded_as = $5, reason = $6, settled_at = $7
     WHERE org_id = $1 AND export_id = $2 AND enrollment_id = $3`,
    [
      row.orgId,
      row.exportId,
      row.enrollmentId,
      recorded ? 'recorded' : 'refused',
      recorded ? outcome.recordedAs : null,
      recorded ? null : outcome.refused.slice(0, 1000),
      now,
    ],
  );
}

export async function programOfProject(db: Queryable, orgId: string, projectId: string) {
  const { rows } = await db.query<{ programId: string }>(
    `SELECT program_id AS "programId" FROM hmis_imported_programs
     WHERE org_id = $1 AND project_id = $2`,
    [orgId, projectId],
  );
  return rows[0]?.programId ?? null;
}

export async function markImportedProgram(
  tx: Queryable,
  orgId: string,
  projectId: string,
  programId: string,
) {
  await tx.query(
    `INSERT INTO hmis_imported_programs (org_id, project_id, program_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [orgId, projectId, programId],
  );
}
