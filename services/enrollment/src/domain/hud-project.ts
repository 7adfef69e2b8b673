import type { FieldError } from '@hearth/http';
import {
  isHudFunderCode,
  isHudProjectType,
  LOCAL_OR_OTHER_FUNDER,
  type ProgramFunder,
} from '@hearth/events';

export interface ProgramHudProject {
  projectType: number | null;
  funders: ProgramFunder[];
}

/**
 * HUD's rules for a program's project type and funders: codes from HUD's lists (2.02.6, 2.06.1),
 * a grant that does not end before it starts, and OtherFunder for "Local or Other" (46) only.
 * Fields are named as the request names them (`funders.1.endDate`).
 */
export function hudProjectProblems(p: ProgramHudProject): FieldError[] {
  const problems: FieldError[] = [];
  if (p.projectType !== null && !isHudProjectType(p.projectType))
    problems.push({
      field: 'projectType',
      message: `${p.projectType} is not a HUD project type (2.02.6: 0-4, 6-14)`,
    });
  p.funders.forEach((f, i) => {
    const at = `funders.${i}`;
    if (!isHudFunderCode(f.funder))
      problems.push({
        field: `${at}.funder`,
        message: `${f.funder} is not a HUD funder code (2.06.1: 1-55)`,
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
  });
  return problems;
}
