import { NOT_COLLECTED } from './hud-codes';
import { hudMoney, sha256, written, type Cell, type CsvValue } from './hud-csv';
import type { HudFile } from './hud-files';
import { layoutOf } from './hud-layout';
import type { RecordOptions } from './hud-rows';

/** A record by HUD's column names (imported rows come by name). */
type HudRecord = Record<string, CsvValue>;

/** Columns that are dates or times: written bare, as HUD writes them. */
const DATES = new Set([
  'DOB',
  'EntryDate',
  'ExitDate',
  'DateProvided',
  'OperatingStartDate',
  'OperatingEndDate',
  'StartDate',
  'EndDate',
  'DateCreated',
  'DateUpdated',
]);

/**
 * What the export says of what we do not hold for an imported row (the same as for our own:
 * hud-rows.ts): not collected, no race marked.
 */
const NOT_HELD: Partial<Record<HudFile, HudRecord>> = {
  Client: {
    SSNDataQuality: NOT_COLLECTED,
    AmIndAKNative: 0,
    Asian: 0,
    BlackAfAmerican: 0,
    HispanicLatinao: 0,
    MidEastNAfrican: 0,
    NativeHIPacific: 0,
    White: 0,
    RaceNone: NOT_COLLECTED,
  },
  Enrollment: { LivingSituation: NOT_COLLECTED },
};

/** An imported row (columns under HUD's names, store/imported-export-rows.ts) → its record. */
function importedRecord(file: HudFile, row: Record<string, unknown>, o: RecordOptions): HudRecord {
  const record: HudRecord = { ...NOT_HELD[file] };
  for (const [column, value] of Object.entries(row)) {
    if (value === null || value === undefined) record[column] = null;
    else if (DATES.has(column)) record[column] = { raw: value as string };
    else if (column === 'FAAmount') record[column] = hudMoney(value as number);
    else if (o.hashed && (column === 'FirstName' || column === 'LastName'))
      record[column] = sha256(value as string);
    else record[column] = value as CsvValue;
  }
  // imported before data quality was kept: not collected
  if (file === 'Client') {
    record.NameDataQuality ??= NOT_COLLECTED;
    record.DOBDataQuality ??= NOT_COLLECTED;
  }
  // HUD's column is never empty: sent empty, or imported before it was kept, is not collected
  if (file === 'Enrollment') record.DisablingCondition ??= NOT_COLLECTED;
  return record;
}

/** An imported row as cells in its file's column order, like our own rows (hud-rows.ts). */
export function importedCells(file: HudFile, row: Record<string, unknown>, o: RecordOptions) {
  const { at, blank } = layoutOf(file);
  const cells: Cell[] = blank();
  for (const [column, value] of Object.entries(importedRecord(file, row, o))) {
    const i = (at as Record<string, number>)[column];
    if (i !== undefined) cells[i] = written(value);
  }
  return cells;
}
