/**
 * What an imported HMIS CSV FY2026 row must hold to be accepted: required columns, HUD's integer
 * code lists, `yyyy-mm-dd` dates and `yyyy-mm-dd hh:mm:ss` times. Pure: a row in, a record or the
 * columns at fault out.
 */
import { DOESNT_KNOW, NOT_COLLECTED, PREFERS_NOT } from './hud-codes';
import { RowReader, done, type Checked, type Row } from './hud-row-reader';

/**
 * The files imported, in the order they are read: a row may name only what an earlier file (or
 * an earlier import) holds: a project its organization, a funder its project, an enrollment its
 * client and project, an exit or a service its enrollment.
 */
export const IMPORTED_FILES = [
  'Organization',
  'Project',
  'Funder',
  'Client',
  'Enrollment',
  'Exit',
  'Services',
] as const;
export type ImportedFile = (typeof IMPORTED_FILES)[number];

export const MISSING = [DOESNT_KNOW, PREFERS_NOT, NOT_COLLECTED];
/** 1.8 No/Yes/Missing (VeteranStatus, DisablingCondition). */
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

export interface ImportedClient {
  personalId: string;
  firstName: string | null;
  lastName: string | null;
  dob: string | null;
  sex: number | null;
  veteranStatus: number | null;
  nameDataQuality: number;
  dobDataQuality: number;
  dateCreated: string;
  dateUpdated: string;
  /** Set: the sending system deleted the row (README, "Import"). */
  dateDeleted: string | null;
}
export interface ImportedEnrollment {
  enrollmentId: string;
  personalId: string;
  projectId: string;
  householdId: string;
  entryDate: string;
  relationshipToHoH: number;
  /** 3.08, as sent (null: left empty). */
  disablingCondition: number | null;
  dateCreated: string;
  dateUpdated: string;
  /** Set: the sending system deleted the row (README, "Import"). */
  dateDeleted: string | null;
}
export interface ImportedExit {
  exitId: string;
  enrollmentId: string;
  personalId: string;
  exitDate: string;
  destination: number;
  dateCreated: string;
  dateUpdated: string;
  /** Set: the sending system deleted the row (README, "Import"). */
  dateDeleted: string | null;
}
export function clientRow(row: Row): Checked<ImportedClient> {
  const r = new RowReader(row);
  const record = {
    personalId: r.text('PersonalID', true)!,
    firstName: r.text('FirstName', false),
    lastName: r.text('LastName', false),
    dob: r.day('DOB', false),
    sex: r.code('Sex', SEX, false),
    veteranStatus: r.code('VeteranStatus', NO_YES_MISSING, false),
    nameDataQuality: r.code('NameDataQuality', DATA_QUALITY, true)!,
    dobDataQuality: r.code('DOBDataQuality', DATA_QUALITY, true)!,
    dateCreated: r.time('DateCreated')!,
    dateUpdated: r.time('DateUpdated')!,
    dateDeleted: r.time('DateDeleted', false),
  };
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
    disablingCondition: r.code('DisablingCondition', NO_YES_MISSING, false),
    dateCreated: r.time('DateCreated')!,
    dateUpdated: r.time('DateUpdated')!,
    dateDeleted: r.time('DateDeleted', false),
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
    dateDeleted: r.time('DateDeleted', false),
  });
}
