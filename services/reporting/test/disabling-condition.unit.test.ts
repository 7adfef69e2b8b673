import { disablingConditionOf } from '../src/domain/hud-codes';
import { enrollmentRow } from '../src/domain/hud-import-rules';
import { disablingShortfall, type ClientFacts } from '../src/domain/shortfalls';

/** 3.08 Disabling Condition, list 1.8 (HUD FY2026): 0 No, 1 Yes, 8, 9, 99. */
test("intake's answers map to HUD's codes; none recorded, or not announced yet, is 99", () => {
  expect(
    (['no', 'yes', 'unknown', 'refused', null] as const).map((a) => disablingConditionOf(a)),
  ).toEqual([0, 1, 8, 9, 99]);
});

test("data quality: 99 and no answer are missing, 8 doesn't know, 9 prefers not, 0 and 1 complete", () => {
  const facts = (disablingCondition: ClientFacts['disablingCondition']): ClientFacts => ({
    participantId: 'p',
    firstName: 'A',
    lastName: 'B',
    birthDate: '1990-01-01',
    sex: 'female',
    race: null,
    veteranStatus: null,
    ssnStatus: null,
    disablingCondition,
  });
  expect(
    (['no', 'yes', 'unknown', 'refused', null] as const).map((a) => disablingShortfall(facts(a))),
  ).toEqual([null, null, 'doesnt_know', 'prefers_not', 'missing']);
});

test('an imported Enrollment row keeps its code from list 1.8, empty as null, and refuses any other', () => {
  const row = {
    EnrollmentID: 'E1',
    PersonalID: 'C1',
    ProjectID: 'P1',
    HouseholdID: 'H1',
    EntryDate: '2025-01-15',
    RelationshipToHoH: '1',
    DateCreated: '2024-01-02 03:04:05',
    DateUpdated: '2024-01-02 03:04:05',
  };
  for (const code of [0, 1, 8, 9, 99])
    expect(
      enrollmentRow({ ...row, DisablingCondition: String(code) }).record?.disablingCondition,
    ).toBe(code);
  expect(enrollmentRow({ ...row, DisablingCondition: '' }).record?.disablingCondition).toBeNull();
  for (const code of ['2', '98', '-1', 'yes'])
    expect(enrollmentRow({ ...row, DisablingCondition: code }).problems).toEqual([
      { column: 'DisablingCondition', message: `Not in HUD's code list: ${code}` },
    ]);
});
