import {
  housingNeedProblem,
  prefillFrom,
  requiredFieldsOf,
  RA_REQUIRED_FIELDS,
} from '../src/domain/rent-assistance';

const ra = { kind: 'rent_assistance' as const, requiredRegistrationFields: ['email' as const] };
const plain = { kind: null, requiredRegistrationFields: ['email' as const] };

describe('Rent Assistance registration rules', () => {
  it.each([
    [['homeless'], null],
    [['housing_insecure', 'fleeing_violence'], null],
    [[], 'registration.employmentCharacteristics'],
    [
      ['fleeing_violence', 'qualified_homeless_before_current_housing'],
      'registration.employmentCharacteristics',
    ],
    [['none_of_these'], 'registration.employmentCharacteristics'],
  ] as const)('employment characteristics %j: problem on %s', (given, field) => {
    expect(housingNeedProblem(ra, { employmentCharacteristics: [...given] })?.field ?? null).toBe(
      field,
    );
  });

  it('leaves an unanswered housing need to the missing information, and other programs alone', () => {
    expect(housingNeedProblem(ra, {})).toBeNull();
    expect(housingNeedProblem(plain, { employmentCharacteristics: ['none_of_these'] })).toBeNull();
  });

  it("requires the guide's fields on top of the program's own, once each", () => {
    expect(requiredFieldsOf(ra)).toEqual(['email', ...RA_REQUIRED_FIELDS]);
    expect(requiredFieldsOf({ ...ra, requiredRegistrationFields: ['phone'] })).toEqual([
      'phone',
      ...RA_REQUIRED_FIELDS.filter((f) => f !== 'phone'),
    ]);
    expect(requiredFieldsOf(plain)).toEqual(['email']);
  });

  it('prefills contact details and characteristics, never money, household or histories', () => {
    expect(
      prefillFrom({
        address: '1 Old Rd',
        email: 'a@example.org',
        employmentStatus: 'unemployed',
        publicAssistance: ['SNAP'],
        totalAmountRequestedCents: 100,
        adultsInHousehold: 2,
        evictionHistory: { answer: 'no' },
      }),
    ).toEqual({
      address: '1 Old Rd',
      email: 'a@example.org',
      employmentStatus: 'unemployed',
      publicAssistance: ['SNAP'],
    });
  });
});
