import type {
  exitReasons,
  housingStatusesAtExit,
  relationships,
  sexValues,
  ssnStatuses,
  veteranStatuses,
} from '@hearth/events';
import { hopwaFunderCodes, NON_HOPWA_FUNDED_PROJECT, type ProgramFunder } from '@hearth/events';
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
import { hudId, idCell, memberEnrollmentId, sha256, text, written, type Cell } from './hud-csv';
import type { HudFile } from './hud-files';
import { layoutOf } from './hud-layout';

/**
 * One read-model row → one HUD record, as cells in the file's column order (hud-layout.ts).
 * Columns we do not hold stay empty. Dates and times arrive formatted by Postgres
 * (store/export-rows.ts) and are written bare. `hashed`: names as SHA-256 (HashStatus 4).
 */
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface RecordOptions {
  hashed: boolean;
}
type ToCells = (r: Row, o: RecordOptions) => Cell[] | null;

const yesNo = (v: boolean | null) => (v === null || v === undefined ? null : v ? 1 : 0);

/**
 * 2.02.8 is a HOPWA-funded project's answer; a program whose funders are known and hold no
 * HOPWA grant is a "non-HOPWA funded project" (2); with no funders said: empty.
 */
function medAssistedLiving(answer: number | null, funders: ProgramFunder[] | null) {
  if (answer !== null) return answer;
  if (!funders?.length || funders.some((f) => hopwaFunderCodes.includes(f.funder))) return null;
  return NON_HOPWA_FUNDED_PROJECT;
}

const name = (value: string | null, o: RecordOptions) =>
  value === null || value === '' ? null : text(o.hashed ? sha256(value) : value);

/** The user's name split at its last space: identity announces one name. */
function splitName(full: string) {
  const at = full.trim().lastIndexOf(' ');
  return at < 0 ? [full.trim(), null] : [full.slice(0, at).trim(), full.slice(at + 1)];
}

/** The columns every file ends with but ExportID: when, and by whom. */
function stamp(
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

/** A household member's own EnrollmentID and their PersonalID. */
function member(cells: Cell[], at: { EnrollmentID: number; PersonalID: number }, r: Row) {
  cells[at.EnrollmentID] = text(
    memberEnrollmentId(r.enrollment_id, r.participant_id, r.head_participant_id),
  );
  cells[at.PersonalID] = idCell(r.participant_id);
}

/** An assessment's answers (or a prior living situation) over the cells: they win over defaults. */
function answer<F extends HudFile>(
  cells: Cell[],
  file: F,
  answers: Parameters<typeof answerColumns>[1],
) {
  const { at } = layoutOf(file);
  for (const [column, value] of Object.entries(answerColumns(file, answers)))
    cells[(at as Record<string, number>)[column]!] = written(value);
}

const ORGANIZATION = layoutOf('Organization').at;
const USER = layoutOf('User').at;
const PROJECT = layoutOf('Project').at;
const FUNDER = layoutOf('Funder').at;
const PROJECT_COC = layoutOf('ProjectCoC').at;
const CLIENT = layoutOf('Client').at;
const ENROLLMENT = layoutOf('Enrollment').at;
const EXIT = layoutOf('Exit').at;
const SERVICES = layoutOf('Services').at;
const RACE_AT = Object.entries(RACE_COLUMNS).map(
  ([value, column]) => [value, CLIENT[column as keyof typeof CLIENT]] as const,
);

export const TO_RECORD: Partial<Record<HudFile, ToCells>> = {
  Organization: (r) => {
    const cells = layoutOf('Organization').blank();
    cells[ORGANIZATION.OrganizationID] = idCell(r.id);
    cells[ORGANIZATION.OrganizationName] = text(r.name);
    // identity does not record it; a victim service provider keeps its clients out of HMIS
    cells[ORGANIZATION.VictimServiceProvider] = 0;
    // when identity first and last announced it (hmis_directory_stamps), the same after a rebuild
    cells[ORGANIZATION.DateCreated] = r.date_created;
    cells[ORGANIZATION.DateUpdated] = r.date_updated;
    return cells;
  },
  User: (r) => {
    const cells = layoutOf('User').blank();
    const [first, last] = splitName(r.name);
    cells[USER.UserID] = idCell(r.user_id);
    cells[USER.UserFirstName] = text(first);
    cells[USER.UserLastName] = text(last);
    cells[USER.DateCreated] = r.date_created;
    cells[USER.DateUpdated] = r.date_updated;
    return cells;
  },
  Project: (r) => {
    const cells = layoutOf('Project').blank();
    cells[PROJECT.ProjectID] = idCell(r.program_id);
    cells[PROJECT.OrganizationID] = idCell(r.org_id);
    // a program whose event has not arrived (or predates them) is named by its id
    cells[PROJECT.ProjectName] = text(r.name ?? `Program ${hudId(r.program_id)}`);
    cells[PROJECT.OperatingStartDate] = r.start_date;
    cells[PROJECT.OperatingEndDate] = r.end_date;
    cells[PROJECT.ProjectType] = r.project_type; // null: enrollment holds none (stays empty)
    // 2.02.5 is never empty: a program that has not said it is part of the continuum is not (0)
    cells[PROJECT.ContinuumProject] = r.continuum_project ? 1 : 0;
    cells[PROJECT.HousingType] = r.housing_type;
    cells[PROJECT.RRHSubType] = r.rrh_sub_type;
    cells[PROJECT.ResidentialAffiliation] = yesNo(r.residential_affiliation);
    cells[PROJECT.TargetPopulation] = r.target_population;
    cells[PROJECT.HOPWAMedAssistedLivingFac] = medAssistedLiving(
      r.hopwa_med_assisted_living_fac,
      r.funders,
    );
    stamp(cells, PROJECT, r.date_created, r.date_updated, r.user_id);
    return cells;
  },
  Funder: (r) => {
    const cells = layoutOf('Funder').blank();
    cells[FUNDER.FunderID] = text(r.funder_id);
    cells[FUNDER.ProjectID] = idCell(r.program_id);
    cells[FUNDER.Funder] = r.funder;
    cells[FUNDER.OtherFunder] = text(r.other_funder);
    cells[FUNDER.GrantID] = text(r.grant_id);
    cells[FUNDER.StartDate] = r.start_date;
    cells[FUNDER.EndDate] = r.end_date;
    stamp(cells, FUNDER, r.date_created, r.date_updated, r.user_id);
    return cells;
  },
  ProjectCoC: (r) => {
    const cells = layoutOf('ProjectCoC').blank();
    cells[PROJECT_COC.ProjectCoCID] = text(r.project_coc_id);
    cells[PROJECT_COC.ProjectID] = idCell(r.program_id);
    cells[PROJECT_COC.CoCCode] = text(r.coc_code);
    // enrollment holds no address nor geocode: 2.03.4 "unknown / data not collected"
    cells[PROJECT_COC.GeographyType] = NOT_COLLECTED;
    stamp(cells, PROJECT_COC, r.date_created, r.date_updated, r.user_id);
    return cells;
  },
  Client: (r, o) => {
    const cells = layoutOf('Client').blank();
    cells[CLIENT.PersonalID] = idCell(r.personal_id);
    cells[CLIENT.FirstName] = name(r.first_name, o);
    cells[CLIENT.MiddleName] = name(r.middle_name, o);
    cells[CLIENT.LastName] = name(r.last_name, o);
    // 1 full name reported: intake requires first and last
    cells[CLIENT.NameDataQuality] = 1;
    // intake announces whether it holds the SSN, never the number: SSN itself stays empty
    cells[CLIENT.SSNDataQuality] =
      r.ssn_status === null ? NOT_COLLECTED : SSN_DATA_QUALITY[r.ssn_status as SsnStatus];
    cells[CLIENT.DOB] = r.dob;
    cells[CLIENT.DOBDataQuality] = 1;
    cells[CLIENT.Sex] = r.sex === null ? NOT_COLLECTED : SEX[r.sex as (typeof sexValues)[number]];
    // 3.04: 1 for each category marked, 0 for the others; RaceNone only when none is marked
    const race: string[] | null = r.race;
    for (const [value, at] of RACE_AT) cells[at] = race?.includes(value) ? 1 : 0;
    cells[CLIENT.RaceNone] = raceNoneOf(race);
    cells[CLIENT.VeteranStatus] =
      r.veteran_status === null
        ? NOT_COLLECTED
        : VETERAN_STATUS[r.veteran_status as (typeof veteranStatuses)[number]];
    stamp(cells, CLIENT, r.date_created, r.last_event_at, r.user_id);
    return cells;
  },
  Enrollment: (r) => {
    const cells = layoutOf('Enrollment').blank();
    member(cells, ENROLLMENT, r);
    cells[ENROLLMENT.ProjectID] = idCell(r.program_id);
    cells[ENROLLMENT.EntryDate] = r.entry_date;
    cells[ENROLLMENT.HouseholdID] = idCell(r.enrollment_id);
    cells[ENROLLMENT.RelationshipToHoH] =
      r.participant_id === r.head_participant_id
        ? 1
        : r.relationship === null
          ? NOT_COLLECTED
          : RELATIONSHIP_TO_HOH[r.relationship as (typeof relationships)[number]];
    cells[ENROLLMENT.LivingSituation] = NOT_COLLECTED;
    cells[ENROLLMENT.DisablingCondition] = NOT_COLLECTED;
    if (r.prior_living) answer(cells, 'Enrollment', r.prior_living);
    stamp(cells, ENROLLMENT, r.date_created, r.last_event_at, r.user_id);
    return cells;
  },
  Exit: (r) => {
    const cells = layoutOf('Exit').blank();
    const destination = destinationOf(
      r.reason as (typeof exitReasons)[number],
      r.housing_status as (typeof housingStatusesAtExit)[number] | null,
    );
    member(cells, EXIT, r);
    cells[EXIT.ExitID] = cells[EXIT.EnrollmentID];
    cells[EXIT.ExitDate] = r.exit_date;
    cells[EXIT.Destination] = destination.code;
    cells[EXIT.OtherDestination] = text(destination.other);
    stamp(cells, EXIT, r.date_created, r.last_event_at, r.user_id);
    return cells;
  },
  Services: (r) => {
    const type = SERVICE_TYPES[r.service_type_id];
    if (!type) return null;
    const cells = layoutOf('Services').blank();
    cells[SERVICES.ServicesID] = idCell(r.service_id);
    member(cells, SERVICES, r);
    cells[SERVICES.DateProvided] = r.date_provided;
    cells[SERVICES.RecordType] = type.recordType;
    cells[SERVICES.TypeProvided] = type.typeProvided;
    stamp(cells, SERVICES, r.date_created, r.date_updated, r.user_id);
    return cells;
  },
};
type SsnStatus = (typeof ssnStatuses)[number];

/**
 * IncomeBenefits, HealthAndDV, EmploymentEducation: one record per assessment answering them;
 * Disabilities: one per disability type answered (its id derived from the assessment's and the type).
 */
export function assessmentRecords(file: HudFile, r: Row): Cell[][] {
  const sets = (ELEMENT_SETS_OF[file] ?? []).filter((set) => r.elements[set]);
  if (sets.length === 0) return [];
  const layout = layoutOf(file);
  const at = layout.at as Record<string, number>;
  const common = () => {
    const cells = layout.blank();
    member(cells, at as { EnrollmentID: number; PersonalID: number }, r);
    cells[at.InformationDate!] = r.information_date;
    cells[at.DataCollectionStage!] = DATA_COLLECTION_STAGE[r.stage];
    stamp(cells, at as Parameters<typeof stamp>[1], r.date_created, r.date_updated, r.user_id);
    return cells;
  };
  if (file === 'Disabilities') {
    const answers = r.elements.disabilities as Record<string, number | null>;
    return Object.entries(DISABILITY_TYPES)
      .filter(([question]) => answers[question] !== undefined && answers[question] !== null)
      .map(([question, type]) => {
        const cells = common();
        cells[at.DisabilitiesID!] = text(
          createHash('sha256').update(`${r.assessment_id}/${type}`).digest('hex').slice(0, 32),
        );
        cells[at.DisabilityType!] = type;
        cells[at.DisabilityResponse!] = answers[question];
        cells[at.IndefiniteAndImpairs!] = answers[`${question}LongTerm`] ?? null;
        return cells;
      });
  }
  const cells = common();
  cells[at[`${file}ID`]!] = idCell(r.assessment_id);
  for (const set of sets) answer(cells, file, r.elements[set]);
  return [cells];
}
