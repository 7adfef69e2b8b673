import { MISSING, NO_YES, STAGES, type ElementSet, type Question } from './element-set';

/**
 * HUD 4.05-4.10 (Disabilities.csv, one row per DisabilityType): each type answered yes/no; a yes
 * opens "expected to be of long-continued and indefinite duration" (IndefiniteAndImpairs, for the
 * types HUD asks it of) and "currently receiving services or treatment".
 */
const TYPES: Array<{ name: string; longTerm: boolean; yes?: readonly number[] }> = [
  { name: 'physicalDisability', longTerm: true },
  { name: 'developmentalDisability', longTerm: false },
  { name: 'chronicHealthCondition', longTerm: true },
  { name: 'hivAids', longTerm: false },
  { name: 'mentalHealthDisorder', longTerm: true },
  // 4.10: 1 alcohol use disorder, 2 drug use disorder, 3 both; each is a "yes"
  { name: 'substanceUseDisorder', longTerm: true, yes: [1, 2, 3] },
];

const questions: Question[] = TYPES.flatMap(({ name, longTerm, yes = [1] }) => [
  { name, kind: { codes: name === 'substanceUseDisorder' ? [0, 1, 2, 3, ...MISSING] : NO_YES } },
  ...(longTerm
    ? [
        {
          name: `${name}LongTerm`,
          kind: { codes: NO_YES },
          opensUnder: { question: name, answers: yes },
        },
      ]
    : []),
  {
    name: `${name}ReceivingServices`,
    kind: { codes: NO_YES },
    opensUnder: { question: name, answers: yes },
  },
]);

export const disabilities: ElementSet = {
  key: 'disabilities',
  hudFile: 'Disabilities.csv',
  title: 'Disabilities',
  stages: STAGES,
  questions,
};
