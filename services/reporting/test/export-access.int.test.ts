import { createHash } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { testActor, type TestService } from '@hearth/testkit';
import { exportedBy, hex, postExport, range, startSeeded } from './export-harness';

let service: TestService;
let seeded: Awaited<ReturnType<typeof startSeeded>>['seeded'];
let lakeshore: Actor;

beforeAll(async () => {
  ({ service, seeded, lakeshore } = await startSeeded());
}, 60_000);
afterAll(() => service?.close());

const post = (actor: Actor, body: unknown) => postExport(service, actor, body);
const exported = (actor: Actor, body?: object) => exportedBy(service, actor, body);

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

// last: it changes the seeded household
