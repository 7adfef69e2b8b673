import type { PoolClient, Pool } from 'pg';
import type { FileCounts, ImportProblem, ImportReport } from '../domain/import-report';

export type ImportStatus = 'queued' | 'running' | 'done' | 'refused';

export interface ImportRow extends ImportReport {
  orgId: string;
  status: ImportStatus;
  landed: string[];
  problem: ImportProblem | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Who queued it: the job acts for them. */
  importer: { userId: string; orgId: string; roles: string[]; name: string };
}

const SELECT = `SELECT import_id AS "id", org_id AS "orgId", zip_sha256 AS "zipSha256",
  export_id AS "exportId", counts AS "files", refusals, created_at AS "createdAt", status, landed,
  problem, started_at AS "startedAt", finished_at AS "finishedAt",
  json_build_object('userId', imported_by, 'orgId', org_id, 'roles', importer_roles,
    'name', importer_name) AS importer FROM hmis_imports`;

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
    importer: { userId: string; orgId: string; roles: string[]; name: string };
    sha: string;
    exportId: string;
    files: Record<string, FileCounts>;
    at: Date;
  },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_imports (import_id, org_id, imported_by, importer_roles, importer_name,
       zip_sha256, export_id, counts, refusals, created_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '[]', $9, 'queued')
     ON CONFLICT (org_id, zip_sha256) DO NOTHING`,
    [
      r.id,
      r.importer.orgId,
      r.importer.userId,
      r.importer.roles,
      r.importer.name,
      r.sha,
      r.exportId,
      JSON.stringify(r.files),
      r.at,
    ],
  );
  return rowCount === 1;
}
