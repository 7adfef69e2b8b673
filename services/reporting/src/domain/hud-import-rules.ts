/**
 * What an imported HMIS CSV FY2026 row must hold to be accepted: required columns, HUD's integer
 * code lists, `yyyy-mm-dd` dates and `yyyy-mm-dd hh:mm:ss` times. Pure: a row in, a record or the
 * columns at fault out.
 */
import { DOESNT_KNOW, NOT_COLLECTED, PREFERS_NOT } from './hud-codes';

/** The files imported so far, in the order they are read (an exit needs its enrollment). */
export const IMPORTED_FILES = ['Client', 'Enrollment', 'Exit'] as const;
export type ImportedFile = (typeof IMPORTED_FILES)[number];

const MISSING = [DOESNT_KNOW, PREFERS_NOT, NOT_COLLECTED];
/** 1.8 No/Yes/Missing (VeteranStatus). */
const NO_YES_MISSING = [0, 1, ...MISSING];
/** 3.01 / 3.03 data quality: 1 full, 2 partial, 8, 9, 99. */
const DATA_QUALITY = [1, 2, ...MISSING];
/** 3.06 Sex: 0 Female, 1 Male. */
const SEX = [0, 1, ...MISSING];
/** 3.15 Relationship to head: 1 self .. 5 other non-relation; 99. */
const RELATIONSHIP = [1, 2, 3, 4, 5, NOT_COLLECTED];
/** 3.12 Destination (FY2026 appendix A: homeless 1xx, institutional 2xx, temporary 3xx, permanent 4xx, other). */
const DESTINATION = [
  101,
  116,
  118,
  204,
  205,
  206,
  207,
  215,
  225,
  302,
  312,
  313,
  314,
  327,
  329,
  332,
  410,
  411,
  419,
  421,
  422,
  423,
  426,
  434,
  435,
  436,
  440,
  17,
  24,
  30,
  37,
  ...MISSING,
];

export interface RowProblem {
  column: string;
  message: string;
}
type Row = Record<string, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A real calendar day (2026-02-30 is not), as `yyyy-mm-dd`. */
function isDay(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Reads one row's columns, collecting every problem instead of stopping at the first. */
class RowReader {
  readonly problems: RowProblem[] = [];
  constructor(private readonly row: Row) {}

  private fail(column: string, message: string): null {
    this.problems.push({ column, message });
    return null;
  }

  text(column: string, required: boolean): string | null {
    const v = this.row[column] ?? '';
    if (v === '') return required ? this.fail(column, 'Required') : null;
    return v;
  }

  day(column: string, required: boolean): string | null {
    const v = this.text(column, required);
    if (v === null) return null;
    return isDay(v) ? v : this.fail(column, 'Not a date (yyyy-mm-dd)');
  }

  time(column: string): string | null {
    const v = this.text(column, true);
    if (v === null) return null;
    return TIME.test(v) && isDay(v.slice(0, 10))
      ? v
      : this.fail(column, 'Not a date and time (yyyy-mm-dd hh:mm:ss)');
  }

  code(column: string, list: number[], required: boolean): number | null {
    const v = this.text(column, required);
    if (v === null) return null;
    const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
    return list.includes(n) ? n : this.fail(column, `Not in HUD's code list: ${v}`);
  }
}

export interface ImportedClient {
  personalId: string;
  firstName: string | null;
  lastName: string | null;
  dob: string | null;
  sex: number | null;
  veteranStatus: number | null;
  dateCreated: string;
  dateUpdated: string;
}
export interface ImportedEnrollment {
  enrollmentId: string;
  personalId: string;
  projectId: string;
  householdId: string;
  entryDate: string;
  relationshipToHoH: number;
  dateCreated: string;
  dateUpdated: string;
}
export interface ImportedExit {
  exitId: string;
  enrollmentId: string;
  personalId: string;
  exitDate: string;
  destination: number;
  dateCreated: string;
  dateUpdated: string;
}
export interface ImportedRecords {
  Client: ImportedClient;
  Enrollment: ImportedEnrollment;
  Exit: ImportedExit;
}

type Checked<T> = { record: T; problems: [] } | { record: null; problems: RowProblem[] };
const done = <T>(r: RowReader, record: T): Checked<T> =>
  r.problems.length ? { record: null, problems: r.problems } : { record, problems: [] };

export function clientRow(row: Row): Checked<ImportedClient> {
  const r = new RowReader(row);
  const record = {
    personalId: r.text('PersonalID', true)!,
    firstName: r.text('FirstName', false),
    lastName: r.text('LastName', false),
    dob: r.day('DOB', false),
    sex: r.code('Sex', SEX, false),
    veteranStatus: r.code('VeteranStatus', NO_YES_MISSING, false),
    dateCreated: r.time('DateCreated')!,
    dateUpdated: r.time('DateUpdated')!,
  };
  r.code('NameDataQuality', DATA_QUALITY, true);
  r.code('DOBDataQuality', DATA_QUALITY, true);
  return done(r, record);
}

export function enrollmentRow(row: Row): Checked<ImportedEnrollment> {
  const r = new RowReader(row);
  return done(r, {
    enrollmentId: r.text('EnrollmentID', true)!,
    personalId: r.text('PersonalID', true)!,
    projectId: r.text('ProjectID', true)!,
    householdId: r.text('HouseholdID', true)!,
    entryDate: r.day('EntryDate', true)!,
    relationshipToHoH: r.code('RelationshipToHoH', RELATIONSHIP, true)!,
    dateCreated: r.time('DateCreated')!,
    dateUpdated: r.time('DateUpdated')!,
  });
}

export function exitRow(row: Row): Checked<ImportedExit> {
  const r = new RowReader(row);
  return done(r, {
    exitId: r.text('ExitID', true)!,
    enrollmentId: r.text('EnrollmentID', true)!,
    personalId: r.text('PersonalID', true)!,
    exitDate: r.day('ExitDate', true)!,
    destination: r.code('Destination', DESTINATION, true)!,
    dateCreated: r.time('DateCreated')!,
    dateUpdated: r.time('DateUpdated')!,
  });
}
