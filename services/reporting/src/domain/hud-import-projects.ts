/**
 * Organization.csv, Project.csv and Funder.csv rows an import accepts (HMIS CSV FY2026 2.01, 2.02,
 * 2.06): HUD's projects become the importer's programs as HUD described them. Pure, like
 * hud-import-rules.ts.
 */
import {
  hudFunderCodes,
  hudHousingTypes,
  hudRrhSubTypes,
  hudTargetPopulations,
  LOCAL_OR_OTHER_FUNDER,
} from '@hearth/events';
import { RowReader, done, type Row } from './hud-row-reader';

/** 1.10 No/Yes (VictimServiceProvider, ContinuumProject). */
const NO_YES = [0, 1];
/**
 * 2.02.6 Project type: 0 ES entry/exit, 1 ES night-by-night, 2 TH, 3 PH-PSH, 4 Street outreach,
 * 6 Services only, 7 Other, 8 Safe haven, 9 PH housing only, 10 PH housing with services,
 * 11 Day shelter, 12 Homelessness prevention, 13 PH-RRH, 14 Coordinated entry (5 is no more).
 */
const PROJECT_TYPE = [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14];
/** 2.02.8 with "2 non-HOPWA funded project", which a sender writes. */
const MED_ASSISTED_LIVING = [0, 1, 2];
/** PITCount: a count of people, as HUD writes an integer. */
const COUNT = /^\d{1,6}$/;

export interface ImportedOrganization {
  organizationId: string;
  name: string;
  victimServiceProvider: number;
  dateCreated: string;
  dateUpdated: string;
  /** Set: the sending system deleted the row (README, "Import"). */
  dateDeleted: string | null;
}

export interface ImportedProject {
  projectId: string;
  organizationId: string;
  name: string;
  operatingStartDate: string;
  operatingEndDate: string | null;
  continuumProject: number;
  projectType: number;
  projectCommonName: string | null;
  housingType: number | null;
  rrhSubType: number | null;
  residentialAffiliation: number | null;
  targetPopulation: number | null;
  hopwaMedAssistedLivingFac: number | null;
  pitCount: number | null;
  dateCreated: string;
  dateUpdated: string;
  /** Set: the sending system deleted the row (README, "Import"). */
  dateDeleted: string | null;
}

export function organizationRow(row: Row) {
  const r = new RowReader(row);
  return done<ImportedOrganization>(r, {
    organizationId: r.text('OrganizationID', true)!,
    name: r.text('OrganizationName', true)!,
    victimServiceProvider: r.code('VictimServiceProvider', NO_YES, true)!,
    dateCreated: r.time('DateCreated')!,
    dateUpdated: r.time('DateUpdated')!,
    dateDeleted: r.time('DateDeleted', false),
  });
}

function pitCountOf(r: RowReader) {
  const v = r.text('PITCount', false);
  if (v === null) return null;
  return COUNT.test(v) ? Number(v) : r.fail('PITCount', 'Not a count (a whole number)');
}

export function projectRow(row: Row) {
  const r = new RowReader(row);
  const record: ImportedProject = {
    projectId: r.text('ProjectID', true)!,
    organizationId: r.text('OrganizationID', true)!,
    name: r.text('ProjectName', true)!,
    operatingStartDate: r.day('OperatingStartDate', true)!,
    operatingEndDate: r.day('OperatingEndDate', false),
    continuumProject: r.code('ContinuumProject', NO_YES, true)!,
    projectType: r.code('ProjectType', PROJECT_TYPE, true)!,
    projectCommonName: r.text('ProjectCommonName', false),
    housingType: r.code('HousingType', [...hudHousingTypes], false),
    rrhSubType: r.code('RRHSubType', [...hudRrhSubTypes], false),
    residentialAffiliation: r.code('ResidentialAffiliation', NO_YES, false),
    targetPopulation: r.code('TargetPopulation', [...hudTargetPopulations], false),
    hopwaMedAssistedLivingFac: r.code('HOPWAMedAssistedLivingFac', MED_ASSISTED_LIVING, false),
    pitCount: pitCountOf(r),
    dateCreated: r.time('DateCreated')!,
    dateUpdated: r.time('DateUpdated')!,
    dateDeleted: r.time('DateDeleted', false),
  };
  if (record.operatingEndDate && record.operatingStartDate > record.operatingEndDate)
    r.fail('OperatingEndDate', 'Before OperatingStartDate');
  return done(r, record);
}

const FUNDER = [...hudFunderCodes];

export interface ImportedFunder {
  funderId: string;
  projectId: string;
  funder: number;
  otherFunder: string | null;
  grantId: string;
  startDate: string;
  endDate: string | null;
  dateCreated: string;
  dateUpdated: string;
  /** Set: the sending system deleted the row (README, "Import"). */
  dateDeleted: string | null;
}

/**
 * Funder.csv (2.06): HUD's funding source (2.06.1: 1-56 but the deprecated 49), its grant and
 * dates; OtherFunder names a "Local or Other" (46) source and only that one, as a program's.
 */
export function funderRow(row: Row) {
  const r = new RowReader(row);
  const record: ImportedFunder = {
    funderId: r.text('FunderID', true)!,
    projectId: r.text('ProjectID', true)!,
    funder: r.code('Funder', FUNDER, true)!,
    otherFunder: r.text('OtherFunder', false),
    grantId: r.text('GrantID', true)!,
    startDate: r.day('StartDate', true)!,
    endDate: r.day('EndDate', false),
    dateCreated: r.time('DateCreated')!,
    dateUpdated: r.time('DateUpdated')!,
    dateDeleted: r.time('DateDeleted', false),
  };
  if (record.funder === LOCAL_OR_OTHER_FUNDER && !record.otherFunder)
    r.fail('OtherFunder', 'Required for Funder 46 (Local or Other)');
  if (record.funder !== null && record.funder !== LOCAL_OR_OTHER_FUNDER && record.otherFunder)
    r.fail('OtherFunder', 'Only for Funder 46 (Local or Other)');
  if (record.endDate && record.startDate && record.endDate < record.startDate)
    r.fail('EndDate', 'Before StartDate');
  return done(r, record);
}
