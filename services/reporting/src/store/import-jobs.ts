import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { withTransaction } from '@hearth/db';
import type { Pool, PoolClient } from 'pg';
import type { FileCounts, ImportProblem, Refusal } from '../domain/import-report';

const PIECE_BYTES = 1024 * 1024;

/** Stores the uploaded zip with its queued import, a piece at a time from the temporary file. */
export async function storeUpload(tx: PoolClient, importId: string, path: string) {
  let piece = 0;
  for await (const bytes of createReadStream(path, { highWaterMark: PIECE_BYTES }))
    await tx.query(
      'INSERT INTO hmis_import_uploads (import_id, piece, bytes) VALUES ($1, $2, $3)',
      [importId, piece++, bytes],
    );
}

/** Writes the stored zip back to a file for the job (a zip's directory is read from its end). */
export async function writeUpload(db: Pool, importId: string, path: string) {
  const out = createWriteStream(path);
  try {
    for (let piece = 0; ; piece++) {
      const { rows } = await db.query<{ bytes: Buffer }>(
        'SELECT bytes FROM hmis_import_uploads WHERE import_id = $1 AND piece = $2',
        [importId, piece],
      );
      if (!rows[0]) break;
      if (!out.write(rows[0].bytes)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

/**
 * The oldest import waiting: queued, or left running by a process that died (the job runs one
 * instance at a time, so a `running` row found here is no one's).
 */
export async function nextWaitingImport(db: Pool) {
  const { rows } = await db.query<{ id: string }>(
    `SELECT import_id AS id FROM hmis_imports WHERE status IN ('queued', 'running')
     ORDER BY created_at, import_id LIMIT 1`,
  );
  return rows[0]?.id ?? null;
}

/** Marks the import running; answers how many runs it has begun, this one included. */
export async function markRunning(db: Pool, importId: string, at: Date): Promise<number> {
  const { rows } = await db.query<{ attempts: number }>(
    `UPDATE hmis_imports SET status = 'running', started_at = coalesce(started_at, $2),
       attempts = attempts + 1
     WHERE import_id = $1 RETURNING attempts`,
    [importId, at],
  );
  return rows[0]!.attempts;
}

/** A file's counts so far, outside its transaction: progress a reader sees while it runs. */
export async function showProgress(db: Pool, importId: string, file: string, counts: FileCounts) {
  await db.query(
    `UPDATE hmis_imports SET counts = jsonb_set(counts, ARRAY[$2::text], $3::jsonb)
     WHERE import_id = $1 AND NOT $2 = ANY(landed)`,
    [importId, file, JSON.stringify(counts)],
  );
}

/** In the file's transaction: its final counts and refusals commit with its rows. */
export async function recordFileLanded(
  tx: PoolClient,
  importId: string,
  file: string,
  counts: FileCounts,
  refusals: Refusal[],
) {
  await tx.query(
    `UPDATE hmis_imports SET counts = jsonb_set(counts, ARRAY[$2::text], $3::jsonb),
       refusals = refusals || $4::jsonb, landed = array_append(landed, $2)
     WHERE import_id = $1`,
    [importId, file, JSON.stringify(counts), JSON.stringify(refusals)],
  );
}

/** Ends the job: done, or refused with why; the stored zip goes. */
export async function finishImportJob(
  db: Pool,
  importId: string,
  at: Date,
  problem: ImportProblem | null,
) {
  await withTransaction(db, async (tx) => {
    await tx.query(
      'UPDATE hmis_imports SET status = $2, problem = $3, finished_at = $4 WHERE import_id = $1',
      [importId, problem ? 'refused' : 'done', problem && JSON.stringify(problem), at],
    );
    await tx.query('DELETE FROM hmis_import_uploads WHERE import_id = $1', [importId]);
  });
}
