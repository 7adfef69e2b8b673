import type { PoolClient, Pool } from 'pg';
import type { ImportedClient, ImportedEnrollment, ImportedExit } from '../domain/hud-import-rules';
import type { FileCounts, ImportProblem, ImportReport } from '../domain/import-report';

export type ImportStatus = 'queued' | 'running' | 'done' | 'refused';

export interface ImportRow extends ImportReport {
  orgId: string;
  status: ImportStatus;
  landed: string[];
  problem: ImportProblem | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const SELECT = `SELECT import_id AS "id", org_id AS "orgId", zip_sha256 AS "zipSha256",
  export_id AS "exportId", counts AS "files", refusals, created_at AS "createdAt", status, landed,
  problem, started_at AS "startedAt", finished_at AS "finishedAt" FROM hmis_imports`;

export async function importById(db: Pool | PoolClient, id: string): Promise<ImportRow | null> {
  const { rows } = await db.query<ImportRow>(`${SELECT} WHERE import_id = $1`, [id]);
  return rows[0] ?? null;
}

export async function importOfZip(db: Pool | PoolClient, orgId: string, sha: string) {
  const { rows } = await db.query<ImportRow>(`${SELECT} WHERE org_id = $1 AND zip_sha256 = $2`, [
    orgId,
    sha,
  ]);
  return rows[0] ?? null;
}

/**
 * Queues the zip for this organization: false when it was queued already. A second upload of
 * the same zip at the same moment waits here for the first to commit, then finds it.
 */
export async function claimImport(
  tx: PoolClient,
  r: {
    id: string;
    orgId: string;
    actorId: string;
    sha: string;
    exportId: string;
    files: Record<string, FileCounts>;
    at: Date;
  },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_imports (import_id, org_id, imported_by, zip_sha256, export_id, counts, refusals, created_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, '[]', $7, 'queued') ON CONFLICT (org_id, zip_sha256) DO NOTHING`,
    [r.id, r.orgId, r.actorId, r.sha, r.exportId, JSON.stringify(r.files), r.at],
  );
  return rowCount === 1;
}

/** HUD ids this organization already imported, from any zip. */
export async function heldIds(tx: PoolClient, orgId: string, file: 'Client' | 'Enrollment') {
  const sql =
    file === 'Client'
      ? 'SELECT personal_id AS id FROM hmis_imported_clients WHERE org_id = $1'
      : 'SELECT enrollment_id AS id FROM hmis_imported_enrollments WHERE org_id = $1';
  const { rows } = await tx.query<{ id: string }>(sql, [orgId]);
  return new Set(rows.map((r) => r.id));
}

const col = <T, K extends keyof T>(rows: T[], key: K) => rows.map((r) => r[key]);

/** Inserts a page of rows at once; answers how many were new (the others an earlier import's). */
export const insertPage = {
  Client: async (tx: PoolClient, orgId: string, importId: string, rows: ImportedClient[]) =>
    (
      await tx.query(
        `INSERT INTO hmis_imported_clients (org_id, import_id, personal_id, first_name, last_name, dob, sex, veteran_status, date_created, date_updated)
         SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::date[], $7::smallint[], $8::smallint[], $9::timestamp[], $10::timestamp[])
         ON CONFLICT DO NOTHING`,
        [
          orgId,
          importId,
          col(rows, 'personalId'),
          col(rows, 'firstName'),
          col(rows, 'lastName'),
          col(rows, 'dob'),
          col(rows, 'sex'),
          col(rows, 'veteranStatus'),
          col(rows, 'dateCreated'),
          col(rows, 'dateUpdated'),
        ],
      )
    ).rowCount ?? 0,
  Enrollment: async (tx: PoolClient, orgId: string, importId: string, rows: ImportedEnrollment[]) =>
    (
      await tx.query(
        `INSERT INTO hmis_imported_enrollments (org_id, import_id, enrollment_id, personal_id, project_id, household_id, entry_date, relationship_to_hoh, date_created, date_updated)
         SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::smallint[], $9::timestamp[], $10::timestamp[])
         ON CONFLICT DO NOTHING`,
        [
          orgId,
          importId,
          col(rows, 'enrollmentId'),
          col(rows, 'personalId'),
          col(rows, 'projectId'),
          col(rows, 'householdId'),
          col(rows, 'entryDate'),
          col(rows, 'relationshipToHoH'),
          col(rows, 'dateCreated'),
          col(rows, 'dateUpdated'),
        ],
      )
    ).rowCount ?? 0,
  Exit: async (tx: PoolClient, orgId: string, importId: string, rows: ImportedExit[]) =>
    (
      await tx.query(
        `INSERT INTO hmis_imported_exits (org_id, import_id, exit_id, enrollment_id, personal_id, exit_date, destination, date_created, date_updated)
         SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::date[], $7::smallint[], $8::timestamp[], $9::timestamp[])
         ON CONFLICT DO NOTHING`,
        [
          orgId,
          importId,
          col(rows, 'exitId'),
          col(rows, 'enrollmentId'),
          col(rows, 'personalId'),
          col(rows, 'exitDate'),
          col(rows, 'destination'),
          col(rows, 'dateCreated'),
          col(rows, 'dateUpdated'),
        ],
      )
    ).rowCount ?? 0,
};
