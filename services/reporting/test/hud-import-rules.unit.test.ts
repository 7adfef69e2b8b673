import { clientRow, enrollmentRow, exitRow } from '../src/domain/hud-import-rules';

const stamps = { DateCreated: '2024-01-02 03:04:05', DateUpdated: '2024-01-02 03:04:05' };

test("a client's missing codes (8, 9, 99) and an empty optional Sex are accepted; a leap day only in a leap year", () => {
  const base = {
    PersonalID: 'C1',
    NameDataQuality: '99',
    DOBDataQuality: '8',
    VeteranStatus: '9',
    ...stamps,
  };
  expect(clientRow({ ...base, DOB: '2024-02-29' }).record).toMatchObject({
    dob: '2024-02-29',
    sex: null,
    veteranStatus: 9,
  });
  expect(clientRow({ ...base, DOB: '2023-02-29' }).problems).toEqual([
    { column: 'DOB', message: 'Not a date (yyyy-mm-dd)' },
  ]);
});

test('a code is an integer of the list: 1.0, 01 with letters, or a negative number are refused', () => {
  const base = { PersonalID: 'C1', NameDataQuality: '1', DOBDataQuality: '1', ...stamps };
  for (const sex of ['1.0', 'x1', '-1', '2'])
    expect(clientRow({ ...base, Sex: sex }).problems).toEqual([
      { column: 'Sex', message: `Not in HUD's code list: ${sex}` },
    ]);
});

test('every problem of a row is named, not only the first', () => {
  expect(
    enrollmentRow({
      EnrollmentID: 'E1',
      ...stamps,
      DateUpdated: '2024-13-01 00:00:00',
    }).problems.map((p) => p.column),
  ).toEqual([
    'PersonalID',
    'ProjectID',
    'HouseholdID',
    'EntryDate',
    'RelationshipToHoH',
    'DateUpdated',
  ]);
  expect(
    exitRow({
      ExitID: 'X',
      EnrollmentID: 'E',
      PersonalID: 'C',
      ExitDate: '2025-06-30',
      Destination: '435',
      ...stamps,
    }).record?.destination,
  ).toBe(435);
});
