import type {
  exitReasons,
  housingStatusesAtExit,
  relationships,
  sexValues,
  ssnStatuses,
  veteranStatuses,
} from '@hearth/events';
import { createHash } from 'node:crypto';
import {
  answerColumns,
  DATA_COLLECTION_STAGE,
  DISABILITY_TYPES,
  ELEMENT_SETS_OF,
} from './hud-answers';
import {
  NOT_COLLECTED,
  RACE_COLUMNS,
  RELATIONSHIP_TO_HOH,
  SERVICE_TYPES,
  SEX,
  SSN_DATA_QUALITY,
  VETERAN_STATUS,
  destinationOf,
  raceNoneOf,
} from './hud-codes';
import { hudDate, hudId, memberEnrollmentId, sha256, type CsvValue } from './hud-csv';
import type { HudFile } from './hud-files';

/**
 * One read-model row → one HUD record, by column name (the file's column order is applied when
 * the line is written). Columns we do not hold stay empty. `hashed`: names as SHA-256 (HashStatus 4).
 */
export type HudRecord = Record<string, CsvValue>;
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface RecordOptions {
  hashed: boolean;
}

const stamps = (created: Date, updated: Date, userId: string | null): HudRecord => ({
  DateCreated: created,
  DateUpdated: updated,
  UserID: hudId(userId),
});
const memberIds = (r: Row) => ({
  EnrollmentID: memberEnrollmentId(r.enrollment_id, r.participant_id, r.head_participant_id),
  PersonalID: hudId(r.participant_id),
});
const name = (value: string | null, o: RecordOptions) =>
  value === null || value === '' ? null : o.hashed ? sha256(value) : value;

type SsnStatus = (typeof ssnStatuses)[number];

/** Client.csv's race columns: 1 for each category marked, 0 for the others, and RaceNone. */
function raceColumns(race: string[] | null): HudRecord {
  const columns: HudRecord = {};
  for (const [value, column] of Object.entries(RACE_COLUMNS))
    columns[column] = race?.includes(value) ? 1 : 0;
  columns.RaceNone = raceNoneOf(race);
  return columns;
}

/** The user's name split at its last space: identity announces one name. */
function splitName(full: string) {
  const at = full.trim().lastIndexOf(' ');
  return at < 0 ? [full.trim(), null] : [full.slice(0, at).trim(), full.slice(at + 1)];
}

export const TO_RECORD: Partial<Record<HudFile, (r: Row, o: RecordOptions) => HudRecord | null>> = {
  Organization: (r) => ({
    OrganizationID: hudId(r.id),
    OrganizationName: r.name,
    // identity does not record it; a victim service provider keeps its clients out of HMIS
    VictimServiceProvider: 0,
    // when identity first and last announced it (hmis_directory_stamps), the same after a rebuild
    DateCreated: r.date_created,
    DateUpdated: r.date_updated,
  }),
  User: (r) => {
    const [first, last] = splitName(r.name);
    return {
      UserID: hudId(r.user_id),
      UserFirstName: first,
      UserLastName: last,
      DateCreated: r.date_created,
      DateUpdated: r.date_updated,
    };
  },
  Project: (r) => ({
    ProjectID: hudId(r.program_id),
    OrganizationID: hudId(r.org_id),
    // enrollment announces no program names yet: the id stands in for it
    ProjectName: `Program ${hudId(r.program_id)}`,
    OperatingStartDate: hudDate(r.start_date),
    ...stamps(r.date_created, r.date_updated, null),
  }),
  Client: (r, o) => ({
    PersonalID: hudId(r.personal_id),
    FirstName: name(r.first_name, o),
    MiddleName: name(r.middle_name, o),
    LastName: name(r.last_name, o),
    // 1 full name reported: intake requires first and last
    NameDataQuality: 1,
    // intake announces whether it holds the SSN, never the number: SSN itself stays empty
    SSNDataQuality:
      r.ssn_status === null ? NOT_COLLECTED : SSN_DATA_QUALITY[r.ssn_status as SsnStatus],
    DOB: hudDate(r.dob),
    DOBDataQuality: 1,
    Sex: r.sex === null ? NOT_COLLECTED : SEX[r.sex as (typeof sexValues)[number]],
    ...raceColumns(r.race),
    VeteranStatus:
      r.veteran_status === null
        ? NOT_COLLECTED
        : VETERAN_STATUS[r.veteran_status as (typeof veteranStatuses)[number]],
    ...stamps(r.date_created, r.last_event_at, r.user_id),
  }),
  Enrollment: (r) => ({
    ...memberIds(r),
    ProjectID: hudId(r.program_id),
    EntryDate: hudDate(r.entry_date),
    HouseholdID: hudId(r.enrollment_id),
    RelationshipToHoH:
      r.participant_id === r.head_participant_id
        ? 1
        : r.relationship === null
          ? NOT_COLLECTED
          : RELATIONSHIP_TO_HOH[r.relationship as (typeof relationships)[number]],
    LivingSituation: NOT_COLLECTED,
    DisablingCondition: NOT_COLLECTED,
    ...(r.prior_living ? answerColumns('Enrollment', r.prior_living) : {}),
    ...stamps(r.date_created, r.last_event_at, r.user_id),
  }),
  Exit: (r) => {
    const destination = destinationOf(
      r.reason as (typeof exitReasons)[number],
      r.housing_status as (typeof housingStatusesAtExit)[number] | null,
    );
    const ids = memberIds(r);
    return {
      ExitID: ids.EnrollmentID,
      ...ids,
      ExitDate: hudDate(r.exit_date),
      Destination: destination.code,
      OtherDestination: destination.other,
      ...stamps(r.date_created, r.last_event_at, r.user_id),
    };
  },
  Services: (r) => {
    const type = SERVICE_TYPES[r.service_type_id];
    if (!type) return null;
    return {
      ServicesID: hudId(r.service_id),
      ...memberIds(r),
      DateProvided: hudDate(r.date_provided),
      RecordType: type.recordType,
      TypeProvided: type.typeProvided,
      ...stamps(r.date_created, r.date_updated, r.user_id),
    };
  },
};

/**
 * IncomeBenefits, HealthAndDV, EmploymentEducation: one record per assessment answering them;
 * Disabilities: one per disability type answered (its id derived from the assessment's and the type).
 */
export function assessmentRecords(file: HudFile, r: Row): HudRecord[] {
  const sets = (ELEMENT_SETS_OF[file] ?? []).filter((set) => r.elements[set]);
  if (sets.length === 0) return [];
  const common = {
    ...memberIds(r),
    InformationDate: hudDate(r.information_date),
    DataCollectionStage: DATA_COLLECTION_STAGE[r.stage],
    ...stamps(r.date_created, r.date_updated, r.user_id),
  };
  if (file === 'Disabilities') {
    const answers = r.elements.disabilities as Record<string, number | null>;
    return Object.entries(DISABILITY_TYPES)
      .filter(([question]) => answers[question] !== undefined && answers[question] !== null)
      .map(([question, type]) => ({
        DisabilitiesID: createHash('sha256')
          .update(`${r.assessment_id}/${type}`)
          .digest('hex')
          .slice(0, 32),
        ...common,
        DisabilityType: type,
        DisabilityResponse: answers[question],
        IndefiniteAndImpairs: answers[`${question}LongTerm`] ?? null,
      }));
  }
  return [
    {
      [`${file}ID`]: hudId(r.assessment_id),
      ...common,
      ...Object.assign({}, ...sets.map((set) => answerColumns(file, r.elements[set]))),
    },
  ];
}
