import { clientRow, enrollmentRow, exitRow } from '../src/domain/hud-import-rules';
import { servicesRow } from '../src/domain/hud-import-services';

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

test('a text with a NUL character or past 200 characters is refused, not left to fail its file', () => {
  const base = { PersonalID: 'C1', NameDataQuality: '1', DOBDataQuality: '1', ...stamps };
  expect(clientRow({ ...base, FirstName: 'A\u0000' }).problems).toEqual([
    { column: 'FirstName', message: 'Holds a NUL character' },
  ]);
  expect(clientRow({ ...base, PersonalID: 'C'.repeat(201) }).problems).toEqual([
    { column: 'PersonalID', message: 'Longer than 200 characters' },
  ]);
  expect(clientRow({ ...base, LastName: 'L'.repeat(200) }).record?.lastName).toHaveLength(200);
});

test('FAAmount is dollars with at most two decimals, under ten million, kept as cents; TypeProvided is checked against its RecordType', () => {
  const base = {
    ServicesID: 'S1',
    EnrollmentID: 'E1',
    PersonalID: 'C1',
    DateProvided: '2025-02-01',
    RecordType: '152',
    TypeProvided: '1',
    ...stamps,
  };
  const cents = (FAAmount: string) => servicesRow({ ...base, FAAmount }).record?.faAmountCents;
  expect([cents('0.5'), cents('12'), cents('1234.56'), cents('9999999.99')]).toEqual([
    50, 1200, 123456, 999999999,
  ]);
  for (const FAAmount of ['10000000', '1.234', '-5', '1,200.00'])
    expect(servicesRow({ ...base, FAAmount }).problems).toEqual([
      { column: 'FAAmount', message: 'Not an amount in dollars (1234.56)' },
    ]);
  // 6 is SSVF financial assistance no more; 6 is an SSVF service
  expect(servicesRow({ ...base, TypeProvided: '6' }).problems).toEqual([
    { column: 'TypeProvided', message: "Not in HUD's code list: 6" },
  ]);
  expect(servicesRow({ ...base, RecordType: '144', TypeProvided: '6' }).problems).toEqual([]);
});
