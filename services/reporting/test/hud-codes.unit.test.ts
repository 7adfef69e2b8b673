import {
  DESTINATION,
  RELATIONSHIP_TO_HOH,
  SEX,
  destinationOf,
  exitOfDestination,
  raceNoneOf,
} from '../src/domain/hud-codes';
import {
  csvLine,
  hudDate,
  hudDateTime,
  hudMoney,
  memberEnrollmentId,
  sha256,
} from '../src/domain/hud-csv';
import { answerColumns } from '../src/domain/hud-answers';

test("sex maps to HUD's FY2026 list: 0 female, 1 male, 8 doesn't know, 9 prefers not to answer, 99 for intersex (no code)", () => {
  expect(SEX).toEqual({ female: 0, male: 1, unknown: 8, refused: 9, intersex: 99 });
});

test('relationship to the head: 1 self, 2 child, 3 spouse or partner, 4 other relative, 5 non-relative', () => {
  expect(RELATIONSHIP_TO_HOH).toEqual({
    head_of_household: 1,
    child: 2,
    stepchild: 2,
    spouse: 3,
    partner: 3,
    parent: 4,
    sibling: 4,
    grandchild: 4,
    grandparent: 4,
    other_relative: 4,
    non_relative: 5,
  });
});

test('housing status at exit maps to a destination; permanent housing of no known kind is 17 Other, with its words', () => {
  expect(Object.fromEntries(Object.entries(DESTINATION).map(([k, v]) => [k, v.code]))).toEqual({
    permanent_housing: 17,
    transitional_housing: 302,
    shelter: 101,
    street_car: 116,
    other_see_case_notes: 17,
  });
  expect(destinationOf('completed', 'permanent_housing')).toEqual({
    code: 17,
    other: 'Permanent housing (type not recorded)',
  });
});

test('a death is destination 24 whatever was recorded; an auto exit without an interview is 30', () => {
  expect(destinationOf('deceased', 'shelter')).toEqual({ code: 24, other: null });
  expect(destinationOf('no_qualifying_service', null)).toEqual({ code: 30, other: null });
});

test('text is quoted with its quotes doubled, codes and dates bare, nothing an empty field', () => {
  expect(csvLine(['Ann "Nan" Lee', 1, hudDate('2026-03-02'), null, undefined, 'a,b'])).toBe(
    '"Ann ""Nan"" Lee",1,2026-03-02,,,"a,b"\n',
  );
});

test('times are yyyy-mm-dd hh:mm:ss in UTC, money is dollars with two decimals', () => {
  expect(hudDateTime(new Date('2026-07-04T05:06:07.890Z'))).toBe('2026-07-04 05:06:07');
  expect(hudMoney(120050)).toEqual({ raw: '1200.50' });
  expect(hudMoney(5)).toEqual({ raw: '0.05' });
  expect(hudMoney(0)).toEqual({ raw: '0.00' });
});

test("the head's EnrollmentID is the household's; another member's is 32 hex digits of both ids", () => {
  const household = '3f0c1b2a-1111-4222-8333-444455556666';
  const member = '9a8b7c6d-1111-4222-8333-444455556666';
  expect(memberEnrollmentId(household, household, household)).toBe(
    '3f0c1b2a111142228333444455556666',
  );
  const derived = memberEnrollmentId(household, member, household);
  expect(derived).toMatch(/^[0-9a-f]{32}$/);
  expect(memberEnrollmentId(household, member, household)).toBe(derived);
});

test('a name hashed is SHA-256 of its trimmed upper-case form', () => {
  // sha256sum of the five bytes AMINA
  expect(sha256(' amina ')).toBe(
    '8bedae0f6c312bf2a8d3ba9612bfccfc418b35744896bf7f358a3c5a6adcaf9d',
  );
});

test("assessment answers fill the file's columns by name: cents become the dollar column, unknown questions stay out", () => {
  expect(
    answerColumns('IncomeBenefits', {
      incomeFromAnySource: 1,
      earnedAmountCents: 9999,
      informationDate: '2026-01-02',
      notAColumn: 1,
      ssi: null,
    }),
  ).toEqual({
    IncomeFromAnySource: 1,
    EarnedAmount: { raw: '99.99' },
    InformationDate: { raw: '2026-01-02' },
  });
});

describe('3.04 race and ethnicity: RaceNone', () => {
  it('is empty as soon as a race is marked, even beside a doesn’t-know answer', () => {
    expect(raceNoneOf(['white', 'client_doesnt_know'])).toBeNull();
  });
  it('is 9 when the client prefers not to answer (over not knowing), 8 when they do not know, 99 otherwise', () => {
    expect(raceNoneOf(['client_doesnt_know', 'client_prefers_not_to_answer'])).toBe(9);
    expect(raceNoneOf(['client_doesnt_know'])).toBe(8);
    expect(raceNoneOf([])).toBe(99);
    expect(raceNoneOf(null)).toBe(99);
  });
});

describe('an imported destination in our words', () => {
  it.each([
    [101, 'other', 'shelter'],
    [118, 'other', 'shelter'],
    [116, 'other', 'street_car'],
    [302, 'other', 'transitional_housing'],
    [410, 'other', 'permanent_housing'],
    [435, 'other', 'permanent_housing'],
    [313, 'other', 'other_see_case_notes'],
    [17, 'other', 'other_see_case_notes'],
    [215, 'institutionalized', 'other_see_case_notes'],
    [24, 'deceased', null],
    [30, 'other', null],
    [99, 'other', null],
  ])('%i is %s with housing status %s', (code, reason, housingStatusAtExit) => {
    expect(exitOfDestination(code)).toEqual({ reason, housingStatusAtExit });
  });

  it('what we export comes back as it went for the destinations our statuses name', () => {
    for (const code of [101, 116, 302, 24, 30]) {
      const { reason, housingStatusAtExit } = exitOfDestination(code);
      expect(destinationOf(reason, housingStatusAtExit).code).toBe(code);
    }
  });
});
