import { hopwaFunderCodes, NON_HOPWA_FUNDED_PROJECT, type ProgramFunder } from '@hearth/events';
import { NOT_COLLECTED } from './hud-codes';
import { hudId, idCell, text } from './hud-csv';
import type { HudFile } from './hud-files';
import { layoutOf } from './hud-layout';
import { PERSON_RECORDS } from './hud-person-rows';
import { idOf, stamp, type ToCells } from './hud-row-cells';

export { assessmentRecords } from './hud-person-rows';
export type { RecordOptions } from './hud-row-cells';

/**
 * One read-model row → one HUD record, as cells in the file's column order (hud-layout.ts):
 * here the directory's and the programs' (Organization, User, Project, Funder), a person's in
 * hud-person-rows.ts. A program enrollment made of an imported project is written under its
 * ProjectID (store/onward-records.ts).
 */

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

/** The user's name split at its last space: identity announces one name. */
function splitName(full: string) {
  const at = full.trim().lastIndexOf(' ');
  return at < 0 ? [full.trim(), null] : [full.slice(0, at).trim(), full.slice(at + 1)];
}

const ORGANIZATION = layoutOf('Organization').at;
const USER = layoutOf('User').at;
const PROJECT = layoutOf('Project').at;
const FUNDER = layoutOf('Funder').at;
const PROJECT_COC = layoutOf('ProjectCoC').at;

export const TO_RECORD: Partial<Record<HudFile, ToCells>> = {
  ...PERSON_RECORDS,
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
    cells[PROJECT.ProjectID] = idOf(r.hud_project_id, r.program_id);
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
    cells[FUNDER.ProjectID] = idOf(r.hud_project_id, r.program_id);
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
    cells[PROJECT_COC.ProjectID] = idOf(r.hud_project_id, r.program_id);
    cells[PROJECT_COC.CoCCode] = text(r.coc_code);
    // enrollment holds no address nor geocode: 2.03.4 "unknown / data not collected"
    cells[PROJECT_COC.GeographyType] = NOT_COLLECTED;
    stamp(cells, PROJECT_COC, r.date_created, r.date_updated, r.user_id);
    return cells;
  },
};
