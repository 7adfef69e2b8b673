import { MISSING, NO_YES, STAGES, type ElementSet } from './element-set';

/** HUD R4 Last Grade Completed, R5 School Status, R6 Employment Status (EmploymentEducation.csv). */
export const employmentEducation: ElementSet = {
  key: 'employmentEducation',
  hudFile: 'EmploymentEducation.csv',
  title: 'Employment and education',
  stages: STAGES,
  questions: [
    // 1 less than grade 5 … 5 grade 12, 6 no grade levels, 7 GED, 10-14 college, degrees, vocational
    {
      name: 'lastGradeCompleted',
      kind: { codes: [1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, ...MISSING] },
    },
    // 1 attending regularly, 2 irregularly, 3 graduated high school, 4 GED, 5 dropped out, 6 suspended, 7 expelled
    { name: 'schoolStatus', kind: { codes: [1, 2, 3, 4, 5, 6, 7, ...MISSING] } },
    { name: 'employed', kind: { codes: NO_YES } },
    {
      // 1 full-time, 2 part-time, 3 seasonal / sporadic
      name: 'employmentType',
      kind: { codes: [1, 2, 3, ...MISSING] },
      opensUnder: { question: 'employed', answers: [1] },
    },
    {
      // 1 looking for work, 2 unable to work, 3 not looking for work
      name: 'notEmployedReason',
      kind: { codes: [1, 2, 3, ...MISSING] },
      opensUnder: { question: 'employed', answers: [0] },
    },
  ],
};
