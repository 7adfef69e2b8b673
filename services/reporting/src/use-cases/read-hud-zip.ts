import { Problem, unprocessable, type FieldError } from '@hearth/http';
import { csvRecords } from '../domain/csv-read';
import { HUD_FILE_NAMES, HUD_FILES, type HudFile } from '../domain/hud-files';
import type { ZipEntries } from '../adapters/zip-upload';

const CSV_VERSION = '2026 v1.0';

/** Every entry a HUD file of FY2026 by its exact name, every one present, nothing in a folder. */
export function checkEntries(names: string[]) {
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

/** One data row of a HUD file: its row number (the header is row 1) and values by column. */
export interface HudCsvRow {
  row: number;
  values: Record<string, string>;
  width: number;
  columns: readonly string[];
}

/** The file's rows after its header row, which must be exactly FY2026's, column for column. */
export async function* rowsOf(zip: ZipEntries, file: HudFile): AsyncGenerator<HudCsvRow> {
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
export async function exportIdOf(zip: ZipEntries): Promise<string> {
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

/**
 * What can be told of a zip in the request, before it is queued: the 24 files by name, each
 * header row, Export.csv's version. Answers the export id.
 */
export async function checkExport(zip: ZipEntries): Promise<string> {
  checkEntries(zip.names);
  const exportId = await exportIdOf(zip);
  for (const file of HUD_FILE_NAMES)
    if (file !== 'Export') for await (const _ of rowsOf(zip, file)) break; // the header alone
  return exportId;
}

/**
 * Reads every entry to its end (nothing parsed): an entry that does not inflate, or inflates past
 * the size it declares, refuses the whole zip before any of its files lands.
 */
export async function checkEntriesInflate(zip: ZipEntries) {
  for (const file of HUD_FILE_NAMES) {
    try {
      for await (const _ of await zip.open(`${file}.csv`));
    } catch (err) {
      if (err instanceof Problem) throw err;
      throw unprocessable(`${file}.csv could not be read`, [
        { field: `${file}.csv`, message: (err as Error).message },
      ]);
    }
  }
}
