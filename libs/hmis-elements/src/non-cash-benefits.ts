import { NO_YES, NO_YES_ONLY, STAGES, someSourceNamed, type ElementSet } from './element-set';

/** HUD 4.03 Non-Cash Benefits (IncomeBenefits.csv): each benefit under "from any source: yes". */
const BENEFITS = [
  'snap',
  'wic',
  'tanfChildCare',
  'tanfTransportation',
  'otherTanf',
  'otherBenefitsSource',
];

export const nonCashBenefits: ElementSet = {
  key: 'nonCashBenefits',
  hudFile: 'IncomeBenefits.csv',
  title: 'Non-cash benefits',
  stages: STAGES,
  check: someSourceNamed('benefitsFromAnySource', BENEFITS),
  questions: [
    { name: 'benefitsFromAnySource', kind: { codes: NO_YES } },
    ...BENEFITS.map((name) => ({
      name,
      kind: { codes: NO_YES_ONLY },
      absentMeans: 0,
      opensUnder: { question: 'benefitsFromAnySource', answers: [1] },
    })),
  ],
};
