import { answerColumns } from './hud-answers';
import { idCell, memberEnrollmentId, sha256, text, written, type Cell } from './hud-csv';
import type { HudFile } from './hud-files';
import { layoutOf } from './hud-layout';

/**
 * What every read-model record builder shares (hud-rows.ts, hud-person-rows.ts): one read-model
 * row → one HUD record, as cells in the file's column order (hud-layout.ts). Columns we do not
 * hold stay empty. Dates and times arrive formatted by Postgres (store/export-rows.ts) and are
 * written bare. `hashed`: names as SHA-256 (HashStatus 4).
 */
export type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface RecordOptions {
  hashed: boolean;
}
export type ToCells = (r: Row, o: RecordOptions) => Cell[] | null;

export const name = (value: string | null, o: RecordOptions) =>
  value === null || value === '' ? null : text(o.hashed ? sha256(value) : value);

/**
 * A record's id: the sender's, as it came, when an import's row became this record (the export
 * writes it once, under the id the other system knew it by: store/onward-records.ts), else ours.
 */
export const idOf = (sent: string | null | undefined, ours: string | null | undefined): Cell =>
  sent ? text(sent) : idCell(ours);

/** The columns every file ends with but ExportID: when, and by whom. */
export function stamp(
  cells: Cell[],
  at: { DateCreated: number; DateUpdated: number; UserID: number },
  created: string,
  updated: string,
  userId: string | null,
) {
  cells[at.DateCreated] = created;
  cells[at.DateUpdated] = updated;
  cells[at.UserID] = idCell(userId);
}

/** A household member's own EnrollmentID and their PersonalID (the sender's when imported). */
export function member(cells: Cell[], at: { EnrollmentID: number; PersonalID: number }, r: Row) {
  cells[at.EnrollmentID] = text(
    r.hud_enrollment_id ??
      memberEnrollmentId(r.enrollment_id, r.participant_id, r.head_participant_id),
  );
  cells[at.PersonalID] = idOf(r.hud_personal_id, r.participant_id);
}

/** An assessment's answers (or a prior living situation) over the cells: they win over defaults. */
export function answer<F extends HudFile>(
  cells: Cell[],
  file: F,
  answers: Parameters<typeof answerColumns>[1],
) {
  const { at } = layoutOf(file);
  for (const [column, value] of Object.entries(answerColumns(file, answers)))
    cells[(at as Record<string, number>)[column]!] = written(value);
}
