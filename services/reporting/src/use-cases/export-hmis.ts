import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '@hearth/access';
import type { Response } from 'express';
import archiver from 'archiver';
import type { PoolClient } from 'pg';
import type { ReportingDeps } from '../deps';
import { ASSESSMENT_FILES } from '../domain/hud-answers';
import {
  cellsLine,
  HASH_STATUS,
  hudDateTime,
  hudId,
  idCell,
  text,
  type Cell,
} from '../domain/hud-csv';
import { HUD_FILE_NAMES, HUD_FILES, type HudFile } from '../domain/hud-files';
import { layoutOf } from '../domain/hud-layout';
import { assessmentRecords, TO_RECORD } from '../domain/hud-rows';
import { organizationOf } from '@hearth/directory';
import { assessmentRows, ROW_SOURCES } from '../store/export-rows';
import { selectExportMembers, type ExportScope } from '../store/export-scope';
import { importedRows, selectImportedMembers } from '../store/imported-export-rows';
import { selectOnwardRecords } from '../store/onward-records';
import { importedCells } from '../domain/imported-hud-rows';

export interface ExportRequest extends ExportScope {
  hashed: boolean;
}

/** Export.csv's one record: who exported what, when, and how (HMIS CSV FY2026 "2026 v1.0"). */
async function exportRecord(
  deps: ReportingDeps,
  tx: PoolClient,
  r: ExportRequest,
): Promise<Cell[]> {
  const org = r.orgId === null ? undefined : await organizationOf(tx, r.orgId);
  const { at, blank } = layoutOf('Export');
  const cells = blank();
  // 1 CoC HMIS (the continuum), 2 an agency's own system
  cells[at.SourceType] = r.orgId === null ? 1 : 2;
  cells[at.SourceID] = idCell(r.orgId);
  cells[at.SourceName] = text(org?.name ?? 'Hearth');
  cells[at.ExportDate] = hudDateTime(deps.clock());
  cells[at.ExportStartDate] = r.startDate;
  cells[at.ExportEndDate] = r.endDate;
  cells[at.SoftwareName] = text('Hearth');
  cells[at.SoftwareVersion] = text('0.1.0');
  cells[at.CSVVersion] = text('2026 v1.0');
  // 3 reporting period, 2 full refresh
  cells[at.ExportPeriodType] = 3;
  cells[at.ExportDirective] = 2;
  cells[at.HashStatus] = r.hashed ? HASH_STATUS.sha256 : HASH_STATUS.unhashed;
  return cells;
}

/** One file's text: its header row, then each record with the export's id, a page a chunk. */
async function* fileText(file: HudFile, pages: AsyncIterable<Cell[][]>, exportId: string) {
  const exportIdAt = layoutOf(file).exportIdAt;
  const exportIdCell = text(exportId);
  yield HUD_FILES[file].join(',') + '\n';
  for await (const page of pages) {
    let chunk = '';
    for (const cells of page) {
      for (const at of exportIdAt) cells[at] = exportIdCell;
      chunk += cellsLine(cells);
    }
    if (chunk) yield chunk;
  }
}

async function* recordPages(
  deps: ReportingDeps,
  tx: PoolClient,
  file: HudFile,
  r: ExportRequest,
): AsyncGenerator<Cell[][]> {
  if (file === 'Export') return yield [await exportRecord(deps, tx, r)];
  if (ASSESSMENT_FILES.includes(file)) {
    for await (const rows of assessmentRows(tx, r, file))
      yield rows.flatMap((row) => assessmentRecords(file, row));
    return;
  }
  const source = ROW_SOURCES[file];
  const toCells = TO_RECORD[file];
  const options = { hashed: r.hashed };
  // a file we hold nothing of our own for: its header row, then what was imported
  if (source && toCells)
    for await (const rows of source(tx, r)) {
      const page: Cell[][] = [];
      for (const row of rows) {
        const cells = toCells(row, options);
        if (cells) page.push(cells);
      }
      yield page;
    }
  // after ours, what the organization imported from another system, as it came
  for await (const rows of importedRows(tx, file, r))
    yield rows.map((row) => importedCells(file, row, options));
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
    // the services file sorts a row per service: in memory, not spilled to disk in small runs
    await tx.query("SET LOCAL work_mem = '64MB'");
    await selectExportMembers(tx, actor, r, deps.clock());
    // which records of ours an import's rows became: written once, under the sender's ids
    await selectOnwardRecords(tx, r);
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
        // a chunk is a page of lines: buffer one ahead, not Readable.from's default sixteen
        const lines = Readable.from(fileText(file, recordPages(deps, tx, file, r), exportId), {
          highWaterMark: 1,
        });
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
