import type {
  disablingConditions,
  exitReasons,
  housingStatusesAtExit,
  relationships,
  sexValues,
  ssnStatuses,
  veteranStatuses,
} from '@hearth/events';
import { createHash } from 'node:crypto';
import { DATA_COLLECTION_STAGE, DISABILITY_TYPES, ELEMENT_SETS_OF } from './hud-answers';
import {
  NOT_COLLECTED,
  RACE_COLUMNS,
  RELATIONSHIP_TO_HOH,
  SERVICE_TYPES,
  SEX,
  SSN_DATA_QUALITY,
  VETERAN_STATUS,
  destinationOf,
  disablingConditionOf,
  raceNoneOf,
} from './hud-codes';
import { hudMoney, idCell, text, type Cell } from './hud-csv';
import type { HudFile } from './hud-files';
import { layoutOf } from './hud-layout';
import { answer, idOf, member, name, stamp, type Row, type ToCells } from './hud-row-cells';

/**
 * A person's records: Client, Enrollment, Exit, Services and the assessment files, from the read
 * model (store/export-rows.ts), each under the sender's ids when an import's row became it.
 */
const CLIENT = layoutOf('Client').at;
const ENROLLMENT = layoutOf('Enrollment').at;
const EXIT = layoutOf('Exit').at;
const SERVICES = layoutOf('Services').at;
const RACE_AT = Object.entries(RACE_COLUMNS).map(
  ([value, column]) => [value, CLIENT[column as keyof typeof CLIENT]] as const,
);

export const PERSON_RECORDS: Partial<Record<HudFile, ToCells>> = {
  Client: (r, o) => {
    const cells = layoutOf('Client').blank();
    cells[CLIENT.PersonalID] = idOf(r.hud_personal_id, r.personal_id);
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
    cells[ENROLLMENT.ProjectID] = idOf(r.hud_project_id, r.program_id);
    cells[ENROLLMENT.EntryDate] = r.entry_date;
    cells[ENROLLMENT.HouseholdID] = idOf(r.hud_household_id, r.enrollment_id);
    cells[ENROLLMENT.RelationshipToHoH] =
      r.participant_id === r.head_participant_id
        ? 1
        : r.relationship === null
          ? importedRelationshipOf(r.hud_relationship_to_hoh)
          : RELATIONSHIP_TO_HOH[r.relationship as (typeof relationships)[number]];
    cells[ENROLLMENT.LivingSituation] = NOT_COLLECTED;
    // intake holds the answer on the participant: each of their enrollments says it
    cells[ENROLLMENT.DisablingCondition] = disablingConditionOf(
      r.disabling_condition as (typeof disablingConditions)[number] | null,
    );
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
    cells[EXIT.ExitID] = r.hud_exit_id ? text(r.hud_exit_id) : cells[EXIT.EnrollmentID];
    cells[EXIT.ExitDate] = r.exit_date;
    cells[EXIT.Destination] = destination.code;
    cells[EXIT.OtherDestination] = text(destination.other);
    stamp(cells, EXIT, r.date_created, r.last_event_at, r.user_id);
    return cells;
  },
  // a service recorded of an imported one keeps the sender's id, codes and amount: the catalog
  // type services made for the import has no HUD code of ours (store/onward-records.ts)
  Services: (r) => {
    const type: { recordType: number; typeProvided: number } | undefined = r.hud_services_id
      ? { recordType: r.hud_record_type, typeProvided: r.hud_type_provided }
      : SERVICE_TYPES[r.service_type_id];
    if (!type) return null;
    const cells = layoutOf('Services').blank();
    cells[SERVICES.ServicesID] = idOf(r.hud_services_id, r.service_id);
    member(cells, SERVICES, r);
    cells[SERVICES.DateProvided] = r.date_provided;
    cells[SERVICES.RecordType] = type.recordType;
    cells[SERVICES.TypeProvided] = type.typeProvided;
    if (r.hud_fa_amount_cents !== null && r.hud_fa_amount_cents !== undefined)
      cells[SERVICES.FAAmount] = hudMoney(r.hud_fa_amount_cents).raw;
    stamp(cells, SERVICES, r.date_created, r.date_updated, r.user_id);
    return cells;
  },
};
type SsnStatus = (typeof ssnStatuses)[number];
/**
 * No family fact held yet: a member an import carried onward (store/onward-records.ts) keeps its
 * imported row's RelationshipToHoH (3.15) when that names a member's (2..5); anything else (none,
 * 1: the head is ours, 99) is not collected.
 */
const importedRelationshipOf = (imported: number | null) =>
  imported !== null && imported >= 2 && imported <= 5 ? imported : NOT_COLLECTED;

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
