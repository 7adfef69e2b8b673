import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '@hearth/access';
import type { Response } from 'express';
import archiver from 'archiver';
import type { PoolClient } from 'pg';
import type { ReportingDeps } from '../deps';
import { ASSESSMENT_FILES } from '../domain/hud-answers';
import { csvLine, HASH_STATUS, hudDate, hudId } from '../domain/hud-csv';
import { HUD_FILE_NAMES, HUD_FILES, type HudFile } from '../domain/hud-files';
import { assessmentRecords, TO_RECORD, type HudRecord } from '../domain/hud-rows';
import { organizationOf } from '@hearth/directory';
import { assessmentRows, ROW_SOURCES } from '../store/export-rows';
import { selectExportMembers, type ExportScope } from '../store/export-scope';
import { importedRows, selectImportedMembers } from '../store/imported-export-rows';
import { importedRecord } from '../domain/imported-hud-rows';

export interface ExportRequest extends ExportScope {
  hashed: boolean;
}

/** Export.csv's one record: who exported what, when, and how (HMIS CSV FY2026 "2026 v1.0"). */
async function exportRecord(
  deps: ReportingDeps,
  tx: PoolClient,
  r: ExportRequest,
  exportId: string,
) {
  const org = r.orgId === null ? undefined : await organizationOf(tx, r.orgId);
  return {
    ExportID: exportId,
    // 1 CoC HMIS (the continuum), 2 an agency's own system
    SourceType: r.orgId === null ? 1 : 2,
    SourceID: hudId(r.orgId),
    SourceName: org?.name ?? 'Hearth',
    ExportDate: deps.clock(),
    ExportStartDate: hudDate(r.startDate),
    ExportEndDate: hudDate(r.endDate),
    SoftwareName: 'Hearth',
    SoftwareVersion: '0.1.0',
    CSVVersion: '2026 v1.0',
    // 3 reporting period, 2 full refresh
    ExportPeriodType: 3,
    ExportDirective: 2,
    HashStatus: r.hashed ? HASH_STATUS.sha256 : HASH_STATUS.unhashed,
  } satisfies HudRecord;
}

/** One file's text: its header row, then each record in the file's column order, a page a chunk. */
async function* fileText(file: HudFile, pages: AsyncIterable<HudRecord[]>, exportId: string) {
  const columns = HUD_FILES[file];
  yield columns.join(',') + '\n';
  for await (const page of pages) {
    let chunk = '';
    for (const record of page)
      chunk += csvLine(columns.map((c) => (c === 'ExportID' ? exportId : record[c])));
    if (chunk) yield chunk;
  }
}

async function* recordPages(
  deps: ReportingDeps,
  tx: PoolClient,
  file: HudFile,
  r: ExportRequest,
  exportId: string,
): AsyncGenerator<HudRecord[]> {
  if (file === 'Export') return yield [await exportRecord(deps, tx, r, exportId)];
  if (ASSESSMENT_FILES.includes(file)) {
    for await (const rows of assessmentRows(tx, r, file))
      yield rows.flatMap((row) => assessmentRecords(file, row));
    return;
  }
  const source = ROW_SOURCES[file];
  const toRecord = TO_RECORD[file];
  if (source && toRecord)
    for await (const rows of source(tx, r))
      yield rows.flatMap((row): HudRecord[] => {
        const record = toRecord(row, { hashed: r.hashed });
        return record ? [record] : [];
      });
  // after ours, what the organization imported from another system, as it came
  for await (const rows of importedRows(tx, file, r))
    yield rows.map((row) => importedRecord(file, row, { hashed: r.hashed }));
}

/**
 * Streams the HMIS CSV FY2026 zip of the records the requester may see: all 24 files, one entry
 * after the other, each read a page at a time from one repeatable-read snapshot so the files
 * agree with each other. Nothing of the export is held whole in memory.
 */
export async function streamHmisExport(
  deps: ReportingDeps,
  actor: Actor,
  r: ExportRequest,
  res: Response,
) {
  const tx = await deps.pool.connect();
  const exportId = hudId(randomUUID())!;
  try {
    // repeatable read: every file from one snapshot; rolled back at the end (a temp table only)
    await tx.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    // every cursor is read to its end: plan for the whole result, not its first rows
    await tx.query('SET LOCAL cursor_tuple_fraction = 1');
    await selectExportMembers(tx, actor, r, deps.clock());
    if (r.orgId !== null) await selectImportedMembers(tx, r);
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="hmis-csv-${r.startDate}-${r.endDate}.zip"`,
    );
    res.setHeader('Cache-Control', 'private, no-store');
    const zip = archiver('zip', { zlib: { level: 6 } });
    let next = 0;
    const all = new Promise<void>((resolve, reject) => {
      // one entry at a time: every file reads from the one transaction
      const appendNext = () => {
        const file = HUD_FILE_NAMES[next++];
        if (!file) return void zip.finalize().then(resolve, reject);
        const lines = Readable.from(
          fileText(file, recordPages(deps, tx, file, r, exportId), exportId),
        );
        lines.on('error', reject);
        zip.append(lines, { name: `${file}.csv`, date: deps.clock() });
      };
      zip.on('entry', appendNext);
      zip.on('error', reject);
      appendNext();
    });
    await Promise.all([all, pipeline(zip, res)]).catch((err: unknown) => {
      zip.abort();
      if (!res.headersSent) throw err;
      deps.logger.warn({ err }, 'an HMIS export was not delivered whole');
      res.destroy(); // the zip is cut short: the client sees the connection end, never waits on it
    });
  } finally {
    await tx.query('ROLLBACK').catch(() => undefined);
    tx.release();
  }
}
