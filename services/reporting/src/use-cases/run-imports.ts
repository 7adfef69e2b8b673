import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Problem } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { IMPORTED_FILES } from '../domain/hud-import-rules';
import { MAX_REFUSALS } from '../domain/import-report';
import { openZip } from '../adapters/zip-upload';
import { finishImportJob, markRunning, nextWaitingImport, writeUpload } from '../store/import-jobs';
import { importById, type ImportRow } from '../store/imports';
import { importHudFile, type ImportJob } from './import-hud-file';
import { checkEntriesInflate } from './read-hud-zip';

const jobOf = (r: ImportRow): ImportJob => ({
  id: r.id,
  orgId: r.orgId,
  exportId: r.exportId,
  importer: r.importer,
});

/** Runs begun before an import that keeps failing is given up (refused, saying so). */
export const MAX_ATTEMPTS = 3;

/**
 * Runs one import to its end. Taken up again after a crash it goes on from the first file that
 * had not landed (a landed file's rows, counts and refusals committed together), so no row is
 * read twice into the counts. An entry that cannot be read refuses the zip before any file lands.
 */
export async function runImport(deps: ReportingDeps, importId: string) {
  const job = (await importById(deps.pool, importId))!;
  if ((await markRunning(deps.pool, importId, deps.clock())) > MAX_ATTEMPTS)
    return finishImportJob(deps.pool, importId, deps.clock(), {
      title: `The import job failed ${MAX_ATTEMPTS} times on this zip; the files landed before stay`,
      errors: [{ field: 'file', message: `Not imported after ${MAX_ATTEMPTS} runs` }],
    });
  const dir = await mkdtemp(join(tmpdir(), 'hmis-import-job-'));
  try {
    const path = join(dir, 'upload.zip');
    await writeUpload(deps.pool, importId, path);
    const zip = await openZip(path);
    try {
      if (!job.landed.length) await checkEntriesInflate(zip);
      let room = MAX_REFUSALS - job.refusals.length;
      for (const file of IMPORTED_FILES)
        if (!job.landed.includes(file))
          room -= await importHudFile(deps, zip, jobOf(job), file, room);
    } finally {
      zip.close();
    }
    await finishImportJob(deps.pool, importId, deps.clock(), null);
  } catch (err) {
    if (!(err instanceof Problem)) throw err; // the database or the disk: the next tick retries
    await finishImportJob(deps.pool, importId, deps.clock(), {
      title: err.detail ?? err.title,
      errors: err.errors ?? [],
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The import job: every waiting import, oldest first, one at a time. */
export async function runImports(deps: ReportingDeps) {
  for (let id = await nextWaitingImport(deps.pool); id; id = await nextWaitingImport(deps.pool))
    await runImport(deps, id);
}
