import { NO_YES, NO_YES_ONLY, STAGES, someSourceNamed, type ElementSet } from './element-set';

/** HUD 4.04 Health Insurance (IncomeBenefits.csv): each coverage under "from any source: yes". */
const COVERAGES = [
  'medicaid',
  'medicare',
  'schip',
  'vhaServices',
  'employerProvided',
  'cobra',
  'privatePay',
  'stateHealthIns',
  'indianHealthServices',
  'otherInsurance',
];

export const healthInsurance: ElementSet = {
  key: 'healthInsurance',
  hudFile: 'IncomeBenefits.csv',
  title: 'Health insurance',
  stages: STAGES,
  check: someSourceNamed('insuranceFromAnySource', COVERAGES),
  questions: [
    { name: 'insuranceFromAnySource', kind: { codes: NO_YES } },
    ...COVERAGES.map((name) => ({
      name,
      kind: { codes: NO_YES_ONLY },
      absentMeans: 0,
      opensUnder: { question: 'insuranceFromAnySource', answers: [1] },
    })),
  ],
};
