import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/access';
import { Problem, unprocessable, type FieldError } from '@hearth/http';
import type { Request } from 'express';
import type { PoolClient } from 'pg';
import type { ReportingDeps } from '../deps';
import { csvRecords } from '../domain/csv-read';
import { HUD_FILE_NAMES, HUD_FILES, type HudFile } from '../domain/hud-files';
import {
  IMPORTED_FILES,
  clientRow,
  enrollmentRow,
  exitRow,
  type ImportedFile,
  type RowProblem,
} from '../domain/hud-import-rules';
import { MAX_REFUSALS, type FileCounts, type Refusal } from '../domain/import-report';
import { openZip, receiveZip, type ZipEntries } from '../adapters/zip-upload';
import { announceImportedClients } from './announce-imported-rows';
import {
  claimImport,
  finishImport,
  heldIds,
  importById,
  importOfZip,
  insertPage,
} from '../store/imports';

const CSV_VERSION = '2026 v1.0';
const PAGE = 1000;

/** Every entry a HUD file of FY2026 by its exact name, every one present, nothing in a folder. */
function checkEntries(names: string[]) {
  const expected = new Set(HUD_FILE_NAMES.map((f) => `${f}.csv`));
  const errors: FieldError[] = [];
  for (const name of names)
    if (!expected.has(name))
      errors.push({
        field: name,
        message: /[\\/]|\.\./.test(name)
          ? 'A path in a file name: the files sit at the zip root'
          : "Not one of HUD's FY2026 files",
      });
  for (const name of expected)
    if (!names.includes(name)) errors.push({ field: name, message: 'Missing' });
  if (errors.length)
    throw unprocessable("The zip is not an HMIS CSV FY2026 export's 24 files", errors);
}

/** The file's header row is exactly FY2026's, column for column. */
async function* rowsOf(zip: ZipEntries, file: HudFile) {
  try {
    yield* checkedRowsOf(zip, file);
  } catch (err) {
    if (err instanceof Problem) throw err;
    // a damaged entry (bad deflate data, a size that lies): the file named, never a 500
    throw unprocessable(`${file}.csv could not be read`, [
      { field: `${file}.csv`, message: (err as Error).message },
    ]);
  }
}

async function* checkedRowsOf(zip: ZipEntries, file: HudFile) {
  const records = csvRecords(await zip.open(`${file}.csv`));
  const header = (await records.next()).value ?? [];
  const columns: readonly string[] = HUD_FILES[file];
  const wrong = columns.findIndex((c, i) => header[i] !== c);
  if (wrong >= 0 || header.length !== columns.length)
    throw unprocessable(`${file}.csv's header row is not FY2026's`, [
      {
        field: `${file}.csv`,
        message:
          wrong >= 0
            ? `Column ${wrong + 1} must be ${columns[wrong]}, not ${header[wrong] ?? '(none)'}`
            : `${columns.length} columns expected, not ${header.length}`,
      },
    ]);
  let row = 1;
  for await (const values of records) {
    row++;
    if (values.length === 1 && values[0] === '') continue; // a blank last line
    yield {
      row,
      values: Object.fromEntries(columns.map((c, i) => [c, values[i] ?? ''])),
      width: values.length,
      columns,
    };
  }
}

/** Export.csv: the export id, and FY2026's CSV version on every record. */
async function exportIdOf(zip: ZipEntries): Promise<string> {
  let exportId = '';
  for await (const { values } of rowsOf(zip, 'Export')) {
    if (values.CSVVersion !== CSV_VERSION)
      throw unprocessable('Not an HMIS CSV FY2026 export', [
        {
          field: 'Export.csv',
          message: `CSVVersion must be ${CSV_VERSION}, not ${values.CSVVersion}`,
        },
      ]);
    exportId ||= values.ExportID;
  }
  if (!exportId)
    throw unprocessable('Export.csv holds no export', [
      { field: 'Export.csv', message: 'One record required' },
    ]);
  return exportId;
}

const CHECK = { Client: clientRow, Enrollment: enrollmentRow, Exit: exitRow };

/** Imports one file's rows; a row naming a client or enrollment we do not hold is refused. */
async function importFile(
  tx: PoolClient,
  zip: ZipEntries,
  file: ImportedFile,
  ctx: {
    orgId: string;
    importId: string;
    known: Record<'Client' | 'Enrollment', Set<string>>;
    refusals: Refusal[];
  },
): Promise<FileCounts> {
  const counts = { read: 0, accepted: 0, alreadyHeld: 0, refused: 0 };
  let page: object[] = [];
  const flush = async () => {
    const inserted = await (
      insertPage[file] as (t: PoolClient, o: string, i: string, r: object[]) => Promise<number>
    )(tx, ctx.orgId, ctx.importId, page);
    counts.accepted += inserted;
    counts.alreadyHeld += page.length - inserted;
    page = [];
  };
  for await (const { row, values, width, columns } of rowsOf(zip, file)) {
    counts.read++;
    const checked = CHECK[file](values);
    const problems: RowProblem[] = [...checked.problems];
    if (width !== columns.length)
      problems.unshift({
        column: '(row)',
        message: `${columns.length} columns expected, not ${width}`,
      });
    const record = checked.record;
    if (record && file !== 'Client' && !ctx.known.Client.has(values.PersonalID))
      problems.push({
        column: 'PersonalID',
        message: 'No such client in Client.csv or an earlier import',
      });
    if (record && file === 'Exit' && !ctx.known.Enrollment.has(values.EnrollmentID))
      problems.push({
        column: 'EnrollmentID',
        message: 'No such enrollment in Enrollment.csv or an earlier import',
      });
    if (problems.length) {
      counts.refused++;
      for (const p of problems)
        if (ctx.refusals.length < MAX_REFUSALS)
          ctx.refusals.push({ file: `${file}.csv`, row, ...p });
      continue;
    }
    if (file === 'Client') ctx.known.Client.add(values.PersonalID);
    if (file === 'Enrollment') ctx.known.Enrollment.add(values.EnrollmentID);
    page.push(record!);
    if (page.length >= PAGE) await flush();
  }
  if (page.length) await flush();
  return counts;
}

/**
 * Imports a FY2026 HMIS CSV zip into the importer's organization: Client, Enrollment and Exit rows
 * that pass their checks, kept by HUD's PersonalID / EnrollmentID / ExitID. One transaction: a
 * zip that is not a FY2026 export (a file missing, a wrong header) imports nothing; a refused row
 * is reported and the others land. The same zip again answers its first import.
 */
export async function importHmis(deps: ReportingDeps, actor: Actor, req: Request) {
  const upload = await receiveZip(req);
  try {
    const earlier = await importOfZip(deps.pool, actor.orgId, upload.sha256);
    if (earlier) return { report: earlier, replayed: true };
    const zip = await openZip(upload.path);
    try {
      checkEntries(zip.names);
      const exportId = await exportIdOf(zip);
      for (const file of HUD_FILE_NAMES)
        if (!IMPORTED_FILES.includes(file as ImportedFile))
          for await (const _ of rowsOf(zip, file)) break; // headers checked
      const id = randomUUID();
      const tx = await deps.pool.connect();
      try {
        await tx.query('BEGIN');
        if (
          !(await claimImport(tx, {
            id,
            orgId: actor.orgId,
            actorId: actor.userId,
            sha: upload.sha256,
            at: deps.clock(),
          }))
        ) {
          await tx.query('ROLLBACK');
          return {
            report: (await importOfZip(deps.pool, actor.orgId, upload.sha256))!,
            replayed: true,
          };
        }
        const ctx = {
          orgId: actor.orgId,
          importId: id,
          refusals: [] as Refusal[],
          known: {
            Client: await heldIds(tx, actor.orgId, 'Client'),
            Enrollment: await heldIds(tx, actor.orgId, 'Enrollment'),
          },
        };
        const files: Record<string, FileCounts> = {};
        for (const file of IMPORTED_FILES) files[file] = await importFile(tx, zip, file, ctx);
        await finishImport(tx, id, { exportId, files, refusals: ctx.refusals });
        await announceImportedClients(tx, actor, { importId: id, exportId, zip });
        await tx.query('COMMIT');
      } catch (err) {
        await tx.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        tx.release();
      }
      return { report: (await importById(deps.pool, id))!, replayed: false };
    } finally {
      zip.close();
    }
  } finally {
    await upload.discard();
  }
}
