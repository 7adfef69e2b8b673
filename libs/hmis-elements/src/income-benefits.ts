import {
  NO_YES,
  NO_YES_ONLY,
  STAGES,
  type Answers,
  someSourceNamed,
  type ElementSet,
  type Question,
} from './element-set';

/** HUD 4.02 Income and Sources: each source with its monthly amount, in IncomeBenefits.csv. */
const SOURCES = [
  'earned',
  'unemployment',
  'ssi',
  'ssdi',
  'vaDisabilityService',
  'vaDisabilityNonService',
  'privateDisability',
  'workersComp',
  'tanf',
  'ga',
  'socSecRetirement',
  'pension',
  'childSupport',
  'alimony',
  'otherIncomeSource',
] as const;

const amountOf = (source: string) =>
  source === 'otherIncomeSource' ? 'otherIncomeAmountCents' : `${source}AmountCents`;

const questions: Question[] = [{ name: 'incomeFromAnySource', kind: { codes: NO_YES } }];
for (const source of SOURCES) {
  questions.push({
    name: source,
    kind: { codes: NO_YES_ONLY },
    absentMeans: 0,
    opensUnder: { question: 'incomeFromAnySource', answers: [1] },
  });
  questions.push({
    name: amountOf(source),
    kind: { cents: true },
    opensUnder: { question: source, answers: [1] },
  });
}

/** HUD's TotalMonthlyIncome: the sum of the sources answered yes, computed, never typed. */
function totalMonthlyIncome(answers: Answers): Answers {
  const total = SOURCES.reduce((sum, source) => {
    const amount = answers[amountOf(source)];
    return answers[source] === 1 && typeof amount === 'number' ? sum + amount : sum;
  }, 0);
  // no income is a total of 0; a question not answered (8, 9, 99) has no total
  const any = answers.incomeFromAnySource;
  return { totalMonthlyIncomeCents: any === 1 ? total : any === 0 ? 0 : null };
}

export const incomeBenefits: ElementSet = {
  key: 'incomeBenefits',
  hudFile: 'IncomeBenefits.csv',
  title: 'Income and sources',
  stages: STAGES,
  check: someSourceNamed('incomeFromAnySource', SOURCES),
  questions,
  derive: totalMonthlyIncome,
};
