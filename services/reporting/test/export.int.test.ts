import { createHash } from 'node:crypto';
import { EnrollmentUpdated } from '@hearth/events';
import { publishAndWait } from '@hearth/testkit';
import { HUD_FILES } from '../src/domain/hud-files';
import type { Actor } from '@hearth/auth';
import type { TestService } from '@hearth/testkit';
import { at, exportedBy, hex, startSeeded } from './export-harness';

let service: TestService;
let seeded: Awaited<ReturnType<typeof startSeeded>>['seeded'];
let lakeshore: Actor;

beforeAll(async () => {
  ({ service, seeded, lakeshore } = await startSeeded());
}, 60_000);
afterAll(() => service?.close());

const exported = (actor: Actor, body?: object) => exportedBy(service, actor, body);

test("the export is a zip of HUD's 24 FY2026 files, each opening with the specification's header row", async () => {
  const { files } = await exported(lakeshore);
  expect([...files.keys()].sort()).toEqual(
    Object.keys(HUD_FILES)
      .map((f) => `${f}.csv`)
      .sort(),
  );
  for (const [file, columns] of Object.entries(HUD_FILES))
    expect(files.get(`${file}.csv`)!.split('\n')[0]).toBe(columns.join(','));
  expect(Object.keys(HUD_FILES)).toHaveLength(24);
});

test("a client's row is HUD's columns with HUD's codes: quoted text, bare codes and dates, 99 for what intake does not collect", async () => {
  const { ids, events } = seeded;
  const { lines, records } = await exported(lakeshore);
  const exportId = records('Export')[0]!.ExportID!;
  const created = at(events.amina!.occurredAt);
  expect(lines('Client')).toContain(
    [
      `"${hex(ids.amina)}"`,
      '"Amina"',
      '',
      '"Odhiambo"',
      '',
      '1',
      '',
      '99',
      '1990-04-02',
      '1',
      '0', // Sex: female
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '99', // no race recorded: RaceNone 99
      '',
      '99', // VeteranStatus not collected
      ...Array(12).fill(''),
      created,
      created,
      `"${hex(ids.worker)}"`,
      '',
      `"${exportId}"`,
    ].join(','),
  );
  const daniel = records('Client').find((c) => c.PersonalID === hex(ids.daniel))!;
  expect(daniel.Sex).toBe('1');
});

test("the household's members each have an enrollment of the household, related to its head", async () => {
  const { ids } = seeded;
  const enrollments = (await exported(lakeshore)).records('Enrollment');
  const amina = enrollments.find((e) => e.PersonalID === hex(ids.amina))!;
  const daniel = enrollments.find((e) => e.PersonalID === hex(ids.daniel))!;
  expect(amina).toMatchObject({
    EnrollmentID: hex(ids.household),
    HouseholdID: hex(ids.household),
    ProjectID: hex(ids.program),
    EntryDate: '2026-03-02',
    RelationshipToHoH: '1',
    LivingSituation: '99',
  });
  expect(daniel).toMatchObject({
    EnrollmentID: createHash('sha256')
      .update(`${ids.household}/${ids.daniel}`)
      .digest('hex')
      .slice(0, 32),
    HouseholdID: hex(ids.household),
    RelationshipToHoH: '2', // head's child
  });
});

test('an exit to a shelter is destination 101 for every member, and only HUD services travel', async () => {
  const { ids } = seeded;
  const { records } = await exported(lakeshore);
  const exits = records('Exit');
  expect(
    exits.map((x) => [x.PersonalID, x.ExitDate, x.Destination, x.OtherDestination]).sort(),
  ).toEqual(
    [
      [hex(ids.amina), '2026-05-15', '101', ''],
      [hex(ids.daniel), '2026-05-15', '101', ''],
    ].sort(),
  );
  expect(records('Services')).toEqual([
    expect.objectContaining({
      ServicesID: hex(ids.bedNight),
      EnrollmentID: hex(ids.household),
      DateProvided: '2026-03-10',
      RecordType: '200',
      TypeProvided: '200',
    }),
  ]);
});

test("an income assessment's cents are HUD's dollars, at data collection stage 1 (project start)", async () => {
  const { ids } = seeded;
  const { records } = await exported(lakeshore);
  const amina = records('IncomeBenefits').filter((r) => r.PersonalID === hex(ids.amina));
  expect(amina).toEqual([
    expect.objectContaining({
      IncomeBenefitsID: hex(ids.income),
      PersonalID: hex(ids.amina),
      InformationDate: '2026-03-02',
      IncomeFromAnySource: '1',
      TotalMonthlyIncome: '1200.50',
      Earned: '1',
      EarnedAmount: '1200.50',
      Unemployment: '',
      DataCollectionStage: '1',
    }),
  ]);
  expect(records('HealthAndDV')[0]).toMatchObject({
    DomesticViolenceSurvivor: '0',
    DataCollectionStage: '1',
  });
});

test('a disability assessment is one Disabilities record per type answered, long-term in IndefiniteAndImpairs', async () => {
  const { ids } = seeded;
  const rows = (await exported(lakeshore)).records('Disabilities');
  expect(
    rows.map((r) => [
      r.PersonalID,
      r.DisabilityType,
      r.DisabilityResponse,
      r.IndefiniteAndImpairs,
      r.DataCollectionStage,
    ]),
  ).toEqual([
    [hex(ids.amina), '5', '1', '1', '1'], // physical, long-term
    [hex(ids.amina), '9', '0', '', '1'], // mental health disorder: no
  ]);
  expect(new Set(rows.map((r) => r.DisabilitiesID)).size).toBe(2);
});

test('the organization, its user and the program enrolled in are exported, dated when identity announced them', async () => {
  const { ids } = seeded;
  const { records } = await exported(lakeshore);
  const time = expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(records('Organization')).toEqual([
    expect.objectContaining({
      OrganizationID: hex(ids.lakeshore),
      OrganizationName: 'Lakeshore "Family" Services',
      DateCreated: time,
      DateUpdated: time,
    }),
  ]);
  expect(records('User')).toEqual([
    expect.objectContaining({
      UserID: hex(ids.worker),
      UserFirstName: 'Grace Van',
      UserLastName: 'Dyke',
      DateCreated: time,
      DateUpdated: time,
    }),
  ]);
  expect(records('Project')).toEqual([
    expect.objectContaining({ ProjectID: hex(ids.program), OperatingStartDate: '2026-03-02' }),
  ]);
});

test('an exit removed in enrollment takes its Exit records out of the export', async () => {
  const { ids } = seeded;
  await publishAndWait(service, EnrollmentUpdated, {
    enrollmentId: ids.household,
    programId: ids.program,
    orgId: ids.lakeshore,
    headParticipantId: ids.amina,
    memberParticipantIds: [ids.amina, ids.daniel],
    applicationDate: '2026-03-02',
    registrationDate: '2026-03-02',
    participationDate: '2026-03-10',
    lastQualifyingServiceDate: '2026-03-10',
    exitDate: null,
    status: 'exit_removed',
  });
  const { records } = await exported(lakeshore);
  expect(records('Exit')).toEqual([]);
  expect(records('Enrollment').filter((e) => e.HouseholdID === hex(ids.household))).toHaveLength(2);
});
