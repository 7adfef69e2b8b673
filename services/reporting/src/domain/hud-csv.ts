import { createHash } from 'node:crypto';

/**
 * How a value is written in HUD's CSV files, as HUD's own sample writes them: text in double
 * quotes (a quote doubled), integers and dates bare, an empty field for no value; dates
 * yyyy-mm-dd and times yyyy-mm-dd hh:mm:ss (UTC); UTF-8, one record per line ending in \n.
 */
/** `{ raw }` is written bare: a date, or money in dollars (1200.50). */
export type CsvValue = string | number | Date | null | undefined | { raw: string };

const pad = (n: number) => String(n).padStart(2, '0');

export function hudDateTime(at: Date): string {
  return (
    `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ` +
    `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`
  );
}

/** A calendar date (pg gives `date` columns as text here, see store/export-rows.ts). */
export const hudDate = (date: string | null | undefined) => (date ? { raw: date } : null);

/** Integer cents as HUD's money: dollars with two decimals, bare. */
export const hudMoney = (cents: number) => ({
  raw: `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${pad(Math.abs(cents) % 100)}`,
});

/** One value in its written form (a record built by column name, or an assessment's answer). */
export function written(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return hudDateTime(value);
  if (typeof value === 'object') return value.raw;
  return `"${value.replace(/"/g, '""')}"`;
}

export const csvLine = (values: readonly CsvValue[]) => values.map(written).join(',') + '\n';

/**
 * The export's fast path: a record as cells in its file's column order, each already written
 * (text through `text`, dates and times bare as Postgres formatted them, codes as numbers), so a
 * line is one join: an empty slot, null or undefined is an empty field.
 */
export type Cell = string | number | null | undefined;
export const cellsLine = (cells: readonly Cell[]) => cells.join(',') + '\n';

/** Text in double quotes, a quote doubled. */
export const text = (value: string | null | undefined): Cell =>
  value === null || value === undefined
    ? null
    : value.includes('"')
      ? `"${value.replace(/"/g, '""')}"`
      : `"${value}"`;

/** Our UUIDs as HUD's 32-character identifiers (S32): the hex digits without dashes. */
export const hudId = (uuid: string | null | undefined) =>
  !uuid
    ? null
    : uuid.length === 36 // Postgres' canonical form: cut, faster than a regex on every row
      ? uuid.slice(0, 8) +
        uuid.slice(9, 13) +
        uuid.slice(14, 18) +
        uuid.slice(19, 23) +
        uuid.slice(24)
      : uuid.replace(/-/g, '');

/** An id as a written cell: HUD's ids are text (S32), quoted. */
export const idCell = (uuid: string | null | undefined): Cell => {
  const id = hudId(uuid);
  return id === null ? null : `"${id}"`;
};

/**
 * A household member's own EnrollmentID: HUD gives every member an enrollment, we give the
 * household one. The head's is the household's id; another member's is derived from both ids,
 * so every export (and a rebuild) names it the same.
 */
export function memberEnrollmentId(enrollmentId: string, participantId: string, headId: string) {
  if (participantId === headId) return hudId(enrollmentId)!;
  return createHash('sha256').update(`${enrollmentId}/${participantId}`).digest('hex').slice(0, 32);
}

/** HashStatus 4 (SHA-256): the value upper-cased and trimmed, hashed, in lower-case hex. */
export const sha256 = (value: string) =>
  createHash('sha256').update(value.trim().toUpperCase(), 'utf8').digest('hex');

export const HASH_STATUS = { unhashed: 1, sha256: 4 } as const;
