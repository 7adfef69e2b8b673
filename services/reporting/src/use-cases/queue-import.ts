import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import type { Request } from 'express';
import type { ReportingDeps } from '../deps';
import { IMPORTED_FILES } from '../domain/hud-import-rules';
import { NO_ROWS } from '../domain/import-report';
import { openZip, receiveZip } from '../adapters/zip-upload';
import { storeUpload } from '../store/import-jobs';
import { claimImport, importById, importOfZip, type ImportRow } from '../store/imports';
import { checkExport } from './read-hud-zip';

/**
 * Queues a FY2026 HMIS CSV zip for the importer's organization: what can be told at once (the 24
 * files, their header rows, Export.csv's version) is a 422 now; the rows are the import job's
 * (run-imports.ts). The zip is stored with the queued import, in one transaction. The same zip
 * again (its SHA-256) answers its first import.
 */
export async function queueImport(
  deps: ReportingDeps,
  actor: Actor,
  req: Request,
): Promise<{ job: ImportRow; replayed: boolean }> {
  const upload = await receiveZip(req);
  try {
    const earlier = await importOfZip(deps.pool, actor.orgId, upload.sha256);
    if (earlier) return { job: earlier, replayed: true };
    const zip = await openZip(upload.path);
    let exportId: string;
    try {
      exportId = await checkExport(zip);
    } finally {
      zip.close();
    }
    const id = randomUUID();
    const queued = await withTransaction(deps.pool, async (tx) => {
      const claimed = await claimImport(tx, {
        id,
        importer: {
          userId: actor.userId,
          orgId: actor.orgId,
          roles: [...actor.roles],
          name: actor.name,
        },
        sha: upload.sha256,
        exportId,
        files: Object.fromEntries(IMPORTED_FILES.map((f) => [f, NO_ROWS])),
        at: deps.clock(),
      });
      if (claimed) await storeUpload(tx, id, upload.path);
      return claimed;
    });
    if (!queued)
      return { job: (await importOfZip(deps.pool, actor.orgId, upload.sha256))!, replayed: true };
    return { job: (await importById(deps.pool, id))!, replayed: false };
  } finally {
    await upload.discard();
  }
}
