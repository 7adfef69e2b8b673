import type { FieldError } from '@hearth/http';
import {
  COC_CODE,
  hopwaFunderCodes,
  hudHousingTypes,
  hudMedAssistedLivingAnswers,
  hudRrhSubTypes,
  hudTargetPopulations,
  isHudFunderCode,
  isHudProjectType,
  LOCAL_OR_OTHER_FUNDER,
  type ProgramFunder,
} from '@hearth/events';

export interface ProgramHudProject {
  projectType: number | null;
  funders: ProgramFunder[];
  continuumProject: boolean;
  housingType: number | null;
  rrhSubType: number | null;
  residentialAffiliation: boolean | null;
  targetPopulation: number | null;
  hopwaMedAssistedLivingFac: number | null;
  cocCode: string | null;
}

const RRH = 13;
const SERVICES_ONLY = 6;
const RRH_SERVICES_ONLY = 1;
const RRH_HOUSING = 2;
/** 2.02.D is asked of ES, TH, PSH, SH, PH housing only / with services, and RRH with housing. */
const RESIDENTIAL = [0, 1, 2, 3, 8, 9, 10];

/** Which of 2.02's dependent elements a project of this type (and RRH subtype) answers. */
const appliesTo = {
  rrhSubType: (p: ProgramHudProject) => p.projectType === RRH,
  housingType: (p: ProgramHudProject) =>
    RESIDENTIAL.includes(p.projectType ?? -1) ||
    (p.projectType === RRH && p.rrhSubType === RRH_HOUSING),
  residentialAffiliation: (p: ProgramHudProject) =>
    p.projectType === SERVICES_ONLY ||
    (p.projectType === RRH && p.rrhSubType === RRH_SERVICES_ONLY),
  hopwaMedAssistedLivingFac: (p: ProgramHudProject) =>
    p.funders.some((f) => hopwaFunderCodes.includes(f.funder)),
};
const NOT_APPLICABLE: Record<keyof typeof appliesTo, string> = {
  rrhSubType: 'Only for project type 13 (PH - Rapid Re-Housing)',
  housingType:
    'Only for residential project types (0-3, 8-10, and 13 with RRH subtype 2); clear it with null',
  residentialAffiliation:
    'Only for project type 6 (Services Only) or 13 with RRH subtype 1 (services only)',
  hopwaMedAssistedLivingFac:
    'Only for a program with a HOPWA funder (13-19, 48); the others are exported as 2 (non-HOPWA funded)',
};
const LISTS: [keyof ProgramHudProject, readonly number[], string][] = [
  ['housingType', hudHousingTypes, '2.02.D: 1, 2, 3'],
  ['rrhSubType', hudRrhSubTypes, '2.02.A: 1, 2'],
  ['targetPopulation', hudTargetPopulations, '2.02.7: 1, 3, 4'],
  ['hopwaMedAssistedLivingFac', hudMedAssistedLivingAnswers, '2.02.8: 0, 1'],
];

/**
 * HUD's rules for a program's project information: codes from HUD's lists (2.02.6, 2.06.1,
 * 2.02.A/D/7/8), a grant that does not end before it starts, OtherFunder for "Local or Other"
 * (46) only, each dependent element only where HUD asks it (a project type's, a HOPWA grant's),
 * a CoC code as HUD writes it (`XX-999`). Fields are named as the request names them.
 */
export function hudProjectProblems(p: ProgramHudProject): FieldError[] {
  const problems: FieldError[] = [];
  if (p.projectType !== null && !isHudProjectType(p.projectType))
    problems.push({
      field: 'projectType',
      message: `${p.projectType} is not a HUD project type (2.02.6: 0-4, 6-14)`,
    });
  p.funders.forEach((f, i) => problems.push(...funderProblems(f, `funders.${i}`)));
  for (const [field, list, named] of LISTS) {
    const value = p[field] as number | null;
    if (value !== null && !list.includes(value))
      problems.push({ field, message: `${value} is not on HUD's list (${named})` });
  }
  const named = new Set(problems.map((q) => q.field));
  for (const field of Object.keys(appliesTo) as (keyof typeof appliesTo)[])
    if (p[field] !== null && !named.has(field) && !appliesTo[field](p))
      problems.push({ field, message: NOT_APPLICABLE[field] });
  if (p.cocCode !== null && !COC_CODE.test(p.cocCode))
    problems.push({ field: 'cocCode', message: 'Not a CoC code as HUD writes it (XX-999)' });
  return problems;
}

function funderProblems(f: ProgramFunder, at: string): FieldError[] {
  const problems: FieldError[] = [];
  if (!isHudFunderCode(f.funder))
    problems.push({
      field: `${at}.funder`,
      message: `${f.funder} is not a HUD funder code (2.06.1: 1-56 but 49)`,
    });
  if (f.funder === LOCAL_OR_OTHER_FUNDER && !f.otherFunder)
    problems.push({
      field: `${at}.otherFunder`,
      message: 'Required for funder 46 (Local or Other)',
    });
  if (f.funder !== LOCAL_OR_OTHER_FUNDER && f.otherFunder)
    problems.push({ field: `${at}.otherFunder`, message: 'Only for funder 46 (Local or Other)' });
  if (f.endDate !== null && f.endDate < f.startDate)
    problems.push({
      field: `${at}.endDate`,
      message: `Must not be before startDate ${f.startDate}`,
    });
  return problems;
}

/**
 * What a program takes of a project's information imported from another system: all of it that
 * HUD's rules above allow, the rest left unsaid (a grant they refuse left out, an element its
 * type does not ask cleared). Clearing one may make another inapplicable: until none is refused.
 */
export function acceptedHudProject(p: ProgramHudProject): ProgramHudProject {
  let next = p;
  for (
    let problems = hudProjectProblems(next);
    problems.length;
    problems = hudProjectProblems(next)
  ) {
    const refusedFunders = new Set(
      problems
        .map((q) => /^funders\.(\d+)\./.exec(q.field)?.[1])
        .filter(Boolean)
        .map(Number),
    );
    const cleared = Object.fromEntries(
      problems.filter((q) => !q.field.startsWith('funders.')).map((q) => [q.field, null]),
    );
    next = {
      ...next,
      ...cleared,
      funders: next.funders.filter((_, i) => !refusedFunders.has(i)),
    };
  }
  return next;
}
