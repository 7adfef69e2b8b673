import { criterion, eligibilityCriteria, type Criterion } from '../src/domain/criteria';
import { evaluateEligibility } from '../src/domain/eligibility';
import { eligibilityFacts, type Facts } from '../src/domain/facts';

const adult: Criterion = { fact: 'age', op: 'at_least', value: 18 };
const homeless: Criterion = {
  fact: 'employmentCharacteristics',
  op: 'one_of',
  values: ['homeless', 'fleeing_violence', 'qualified_homeless_before_current_housing'],
};
const recentArrival: Criterion = { fact: 'monthsSinceUsArrival', op: 'at_most', value: 60 };
const lowIncome: Criterion = { fact: 'householdIncomeCents', op: 'below', value: 3_000_000 };
const refugee: Criterion = {
  fact: 'immigrationStatus',
  op: 'one_of',
  values: ['refugee', 'asylee'],
};

const person = (overrides: Partial<Parameters<typeof eligibilityFacts>[0]> = {}) => ({
  birthDate: '1990-06-15',
  sex: 'female',
  immigrationStatus: 'refugee',
  usArrivalDate: '2022-03-01',
  ...overrides,
});
const facts = (p = person(), answers = {}, on = '2024-06-15'): Facts =>
  eligibilityFacts(p, answers, on);

describe('eligibility rule evaluator', () => {
  it.each<[string, Criterion[], Facts, string, string[]]>([
    ['no criteria: open to everyone', [], facts(), 'eligible', []],
    [
      '18 on the application date',
      [adult],
      facts(person({ birthDate: '2006-06-15' })),
      'eligible',
      [],
    ],
    [
      'a day short of 18',
      [adult],
      facts(person({ birthDate: '2006-06-16' })),
      'ineligible',
      ['Age must be at least 18'],
    ],
    [
      'homeless is one of the listed characteristics',
      [homeless],
      facts(person(), { employmentCharacteristics: ['housing_insecure', 'homeless'] }),
      'eligible',
      [],
    ],
    [
      'none of the listed characteristics',
      [homeless],
      facts(person(), { employmentCharacteristics: ['housing_insecure'] }),
      'ineligible',
      [
        'Employment characteristics must include Homeless, Fleeing violence, or Qualified as homeless before current housing',
      ],
    ],
    [
      'an empty list is an answer, and not a listed one',
      [homeless],
      facts(person(), { employmentCharacteristics: [] }),
      'ineligible',
      [expect.stringContaining('must include') as unknown as string],
    ],
    [
      'characteristics not recorded yet',
      [homeless],
      facts(),
      'unknown',
      [expect.stringContaining('Employment characteristics is not recorded') as unknown as string],
    ],
    [
      'arrived 60 months ago',
      [recentArrival],
      facts(person({ usArrivalDate: '2019-06-15' })),
      'eligible',
      [],
    ],
    [
      'arrived 61 months ago',
      [recentArrival],
      facts(person({ usArrivalDate: '2019-05-15' })),
      'ineligible',
      ['Months since arrival in the US must be at most 60'],
    ],
    [
      'arrival date unknown',
      [recentArrival],
      facts(person({ usArrivalDate: null })),
      'unknown',
      [expect.stringContaining('not recorded') as unknown as string],
    ],
    [
      'income under the limit',
      [lowIncome],
      facts(person(), { householdIncomeCents: 2_999_999 }),
      'eligible',
      [],
    ],
    [
      'income at the limit is not under it',
      [lowIncome],
      facts(person(), { householdIncomeCents: 3_000_000 }),
      'ineligible',
      ['Household income must be under $30,000.00'],
    ],
    ['a text fact matched against a list', [refugee], facts(), 'eligible', []],
    [
      'a text fact not in the list',
      [refugee],
      facts(person({ immigrationStatus: 'citizen' })),
      'ineligible',
      ['Immigration status must be refugee or asylee'],
    ],
    [
      'the program phrases its own reason',
      [{ ...adult, reason: 'Must be an adult' }],
      facts(person({ birthDate: '2010-01-01' })),
      'ineligible',
      ['Must be an adult'],
    ],
    [
      'a failed criterion wins over an unknown one, and every reason is listed',
      [adult, homeless, lowIncome],
      facts(person({ birthDate: '2010-01-01' }), { householdIncomeCents: 5_000_000 }),
      'ineligible',
      [
        'Age must be at least 18',
        expect.stringContaining('Employment characteristics is not recorded') as unknown as string,
        'Household income must be under $30,000.00',
      ],
    ],
    [
      'all criteria met',
      [adult, homeless, recentArrival, lowIncome, refugee],
      facts(person(), {
        employmentCharacteristics: ['fleeing_violence'],
        householdIncomeCents: 100,
      }),
      'eligible',
      [],
    ],
    [
      'household size from adults and children',
      [{ fact: 'householdSize', op: 'at_least', value: 3 }],
      facts(person(), { adultsInHousehold: 1, childrenInHousehold: 2 }),
      'eligible',
      [],
    ],
  ])('%s', (_label, criteria, given, status, messages) => {
    const result = evaluateEligibility(criteria, given);
    expect(result.status).toBe(status);
    expect(result.reasons.map((r) => r.message)).toEqual(messages);
  });

  it('marks each reason as not met or unknown, with the fact it is about', () => {
    const result = evaluateEligibility(
      [adult, homeless],
      facts(person({ birthDate: '2015-01-01' })),
    );
    expect(result.reasons).toEqual([
      { fact: 'age', outcome: 'not_met', message: 'Age must be at least 18' },
      { fact: 'employmentCharacteristics', outcome: 'unknown', message: expect.any(String) },
    ]);
  });
});

describe('criteria are data, validated before a program keeps them', () => {
  it.each([
    ['a numeric test on a choice fact', { fact: 'immigrationStatus', op: 'at_least', value: 1 }],
    ['a list test on a number', { fact: 'age', op: 'one_of', values: ['18'] }],
    ['an unknown fact', { fact: 'ssn', op: 'at_least', value: 1 }],
    ['an empty list', { fact: 'sex', op: 'one_of', values: [] }],
    ['an unknown field', { fact: 'age', op: 'at_least', value: 18, code: 'x' }],
  ])('refuses %s', (_label, raw) => {
    expect(criterion.safeParse(raw).success).toBe(false);
  });

  it('accepts the adult, homeless, recent-arrival and low-income criteria the domain gives as examples', () => {
    expect(eligibilityCriteria.parse([adult, homeless, recentArrival, lowIncome])).toHaveLength(4);
  });
});
