import { createHash } from 'node:crypto';
import { mintToken, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import type { Actor } from '@hearth/auth';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { HUD_FILES } from '../src/domain/hud-files';
import { readExport } from './csv';
import { seedContinuum } from './export-fixtures';

let service: TestService;
let seeded: Awaited<ReturnType<typeof seedContinuum>>;
let lakeshore: Actor;
const hex = (id: string) => id.replace(/-/g, '');
const at = (iso: string) => iso.slice(0, 19).replace('T', ' ');

beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-06-30T12:00:00Z'),
  });
  seeded = await seedContinuum(service);
  lakeshore = testActor({ orgId: seeded.ids.lakeshore, roles: ['caseworker'] });
}, 60_000);
afterAll(() => service?.close());

const post = (actor: Actor, body: unknown) =>
  fetch(`${service.url}/api/v1/exports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mintToken(actor)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const range = { startDate: '2026-01-01', endDate: '2026-06-30' };
async function exported(actor: Actor, body: object = range) {
  const res = await post(actor, body);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  return readExport(Buffer.from(await res.arrayBuffer()));
}

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

test("another organization's client, and one whose release has ended, are absent; a running release is present", async () => {
  const { ids } = seeded;
  const { records } = await exported(lakeshore);
  const clients = records('Client').map((c) => c.PersonalID);
  expect(clients.sort()).toEqual([hex(ids.amina), hex(ids.daniel), hex(ids.released)].sort());
  const enrolled = records('Enrollment').map((e) => e.PersonalID);
  expect(enrolled).not.toContain(hex(ids.expired));
  expect(enrolled).not.toContain(hex(ids.northsideOwn));
  // Northside's own export has its client, and none of Lakeshore's restricted ones
  const northside = await exported(testActor({ orgId: ids.northside }));
  expect(northside.records('Client').map((c) => c.PersonalID)).toEqual([hex(ids.northsideOwn)]);
});

test("another organization's assessment restricted to it stays out of an export that sees its client", async () => {
  const { ids } = seeded;
  // Rita is Northside's, released to Lakeshore: her assessment Northside shares travels, the
  // one it keeps to itself does not
  const rita = (await exported(lakeshore))
    .records('IncomeBenefits')
    .filter((r) => r.PersonalID === hex(ids.released));
  expect(rita.map((r) => r.IncomeBenefitsID)).toEqual([hex(ids.sharedAssessment)]);
  const own = (await exported(testActor({ orgId: ids.northside }))).records('IncomeBenefits');
  expect(own).toEqual([]); // Rita's enrollment is Lakeshore's: not in Northside's export
});

test('names hashed on request are SHA-256 of the upper-cased name, and Export.csv says HashStatus 4', async () => {
  const { ids } = seeded;
  const { records } = await exported(lakeshore, { ...range, hashNames: true });
  const amina = records('Client').find((c) => c.PersonalID === hex(ids.amina))!;
  expect(amina.FirstName).toBe(createHash('sha256').update('AMINA').digest('hex'));
  expect(amina.LastName).toBe(createHash('sha256').update('ODHIAMBO').digest('hex'));
  expect(records('Export')[0]).toMatchObject({
    HashStatus: '4',
    CSVVersion: '2026 v1.0',
    ExportStartDate: '2026-01-01',
    ExportEndDate: '2026-06-30',
    ExportDate: '2026-06-30 12:00:00',
  });
});

test('the organization, its user and the program enrolled in are exported', async () => {
  const { ids } = seeded;
  const { records } = await exported(lakeshore);
  expect(records('Organization')).toEqual([
    expect.objectContaining({
      OrganizationID: hex(ids.lakeshore),
      OrganizationName: 'Lakeshore "Family" Services',
    }),
  ]);
  expect(records('User')).toEqual([
    expect.objectContaining({
      UserID: hex(ids.worker),
      UserFirstName: 'Grace Van',
      UserLastName: 'Dyke',
    }),
  ]);
  expect(records('Project')).toEqual([
    expect.objectContaining({ ProjectID: hex(ids.program), OperatingStartDate: '2026-03-02' }),
  ]);
});

test('a range that ends before it starts is a 422 naming endDate; an unknown field a 400', async () => {
  const backwards = await post(lakeshore, { startDate: '2026-06-30', endDate: '2026-01-01' });
  expect(backwards.status).toBe(422);
  expect(backwards.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(((await backwards.json()) as { errors: unknown[] }).errors).toEqual([
    expect.objectContaining({ field: 'endDate' }),
  ]);
  const unknown = await post(lakeshore, { ...range, everything: true });
  expect(unknown.status).toBe(400);
  expect((await post(lakeshore, { startDate: '2026-02-30', endDate: '2026-03-01' })).status).toBe(
    400,
  );
});

test("the continuum is the HMIS lead's to export, another organization's export is refused", async () => {
  expect((await post(lakeshore, { ...range, continuum: true })).status).toBe(403);
  expect((await post(lakeshore, { ...range, organizationId: seeded.ids.northside })).status).toBe(
    403,
  );
  expect(
    (await post(testActor({ orgId: seeded.ids.lakeshore, roles: ['admin'] }), range)).status,
  ).toBe(403);
  // the lead's continuum export holds the organizations, and no client (the lead reads none)
  const lead = await exported(testActor({ roles: ['system_admin'] }), {
    ...range,
    continuum: true,
  });
  expect(lead.records('Organization').map((o) => o.OrganizationID)).toContain(
    hex(seeded.ids.lakeshore),
  );
  expect(lead.records('Client')).toEqual([]);
  expect(lead.records('Export')[0]).toMatchObject({ SourceType: '1' });
});
