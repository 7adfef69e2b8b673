import type { Actor } from '@hearth/auth';
import { PersonUnlinked } from '@hearth/events';
import {
  mintToken,
  publishAndWait,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readModelConsumers } from '../src/events/consumers';
import { rebuildReadModel } from '../src/events/journal';
import { seedProgram } from './program-report-fixtures';
import { json } from './json';

let service: TestService;
let seeded: Awaited<ReturnType<typeof seedProgram>>;
let worker: Actor;

beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-06-30T12:00:00Z'),
  });
  seeded = await seedProgram(service);
  worker = testActor({ orgId: seeded.lakeshore, roles: ['caseworker'] });
}, 90_000);
afterAll(() => service?.close());

const period = 'from=2026-04-01&to=2026-06-30';
const ask = (query: string, actor = worker, programId = seeded.program, accept?: string) =>
  fetch(`${service.url}/api/v1/reports/programs/${programId}?${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}`, ...(accept ? { accept } : {}) },
  });
async function report(query = period) {
  const res = await ask(query);
  expect(res.status).toBe(200);
  return json(res);
}

test('each person is counted once in served, new and active, a linked pair as one', async () => {
  const { figures } = await report();
  // served: Amina, Daniel, Bo (two records), Carla (two records), Eve, Rita, Hal, Ed; Frank left in 2025
  expect(figures.served).toBe(8);
  // new: entered in the period with no earlier entry: Amina, Daniel, Carla, Rita, Hal, Ed
  // (Bo's second record entered on 06-15, but his first on 02-01; Eve on 03-01)
  expect(figures.new).toBe(6);
  // still open after 06-30: Bo, Carla, Rita, Hal, Ed
  expect(figures.active).toBe(5);
});

test('exits are counted by HUD destination and by housing status at exit', async () => {
  const { figures } = await report();
  // Amina and Daniel to permanent housing (HUD 17), Eve auto-exited, asked nobody (HUD 30)
  expect(figures.exitedByDestination).toEqual([
    { destination: 17, persons: 2 },
    { destination: 30, persons: 1 },
  ]);
  expect(figures.exitedByHousingStatus).toEqual([
    { housingStatus: 'not_asked', persons: 1 },
    { housingStatus: 'permanent_housing', persons: 2 },
  ]);
});

test('services are counted by type within the period, a deleted one left out', async () => {
  const { figures } = await report();
  // case management: Amina 05-01, Carla 05-05, Carla's second record 06-03 (Bo's 03-15 is before
  // the period, Carla's 05-06 was deleted): 3 services for 2 persons
  expect(figures.servicesByType).toEqual([
    { serviceTypeId: 'bed_night', services: 1, persons: 1 },
    { serviceTypeId: 'case_management', services: 3, persons: 2 },
  ]);
});

test("days to participation average each person's first entry of the period that reached it", async () => {
  const { figures } = await report();
  // Amina 04-06 → 04-16 = 10, Daniel 10, Carla 05-01 → 05-05 = 4 (her second record's 2 days are
  // the same person's later entry): (10 + 10 + 4) / 3 = 8
  expect(figures.daysToParticipation).toEqual({ persons: 3, averageDays: 8 });
});

test('a figure lists the records it counted that the requester may see, and withholds the rest', async () => {
  const { ids, enrollments: e } = seeded;
  const { listed } = await report(`${period}&list=served`);
  // ten records counted; Hal (Northside's, restricted) and Ed (his release ended 06-29) withheld
  expect(listed.withheld).toBe(2);
  const rows = listed.items.map((i: { participantId: string; enrollmentId: string }) => [
    i.participantId,
    i.enrollmentId,
  ]);
  expect(rows.sort()).toEqual(
    [
      [ids.amina, e.e1],
      [ids.daniel, e.e1],
      [ids.bo, e.e2],
      [ids.boAgain, e.e8],
      [ids.carla, e.e3],
      [ids.carlaAgain, e.e4],
      [ids.eve, e.e5],
      [ids.rita, e.e6],
    ].sort(),
  );
  const personOf = (id: string) =>
    listed.items.find((i: { participantId: string }) => i.participantId === id).personId;
  // both records of a linked person name the same person
  expect(personOf(ids.carlaAgain)).toBe(personOf(ids.carla));
  expect([ids.carla, ids.carlaAgain]).toContain(personOf(ids.carla));
  expect(personOf(ids.bo)).toBe(personOf(ids.boAgain));
});

test('the exits and services lists carry what each record was counted as', async () => {
  const { ids, services } = seeded;
  const exited = (await report(`${period}&list=exited`)).listed.items;
  expect(
    exited
      .map((i: { participantId: string; detail: string }) => [i.participantId, i.detail])
      .sort(),
  ).toEqual(
    [
      [ids.amina, '17:permanent_housing'],
      [ids.daniel, '17:permanent_housing'],
      [ids.eve, '30:not_asked'],
    ].sort(),
  );
  const served = (await report(`${period}&list=services`)).listed.items;
  expect(served.map((i: { serviceId: string }) => i.serviceId).sort()).toEqual(
    [services.bedNight, services.aminaCase, services.carlaCase, services.carlaAgainCase].sort(),
  );
  const fresh = (await report(`${period}&list=new`)).listed;
  expect(fresh.items.map((i: { participantId: string }) => i.participantId)).toContain(ids.rita);
  expect(fresh.items.map((i: { participantId: string }) => i.participantId)).not.toContain(
    ids.hidden,
  );
});

test('the report and its lists come as CSV with format=csv or Accept text/csv', async () => {
  const csv = await ask(`${period}&format=csv`);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const lines = (await csv.text()).split('\r\n');
  expect(lines[0]).toBe('figure,breakdown,value');
  expect(lines).toContain('served,,8');
  expect(lines).toContain('exited_by_destination,30,1');
  expect(lines).toContain('average_days_to_participation,,8');
  const accepted = await ask(period, worker, seeded.program, 'text/csv');
  expect(accepted.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect((await accepted.text()).split('\r\n')).toContain('new,,6');
  const list = (await (await ask(`${period}&list=exited&format=csv`)).text()).split('\r\n');
  expect(list[0]).toBe('person_id,participant_id,enrollment_id,service_id,detail');
  expect(list).toContain(
    `${seeded.ids.eve},${seeded.ids.eve},${seeded.enrollments.e5},,30:not_asked`,
  );
});

test('its OpenAPI documents the report as JSON and as CSV', async () => {
  const doc = await json(await fetch(`${service.url}/openapi.json`));
  const ok = doc.paths['/api/v1/reports/programs/{id}'].get.responses['200'].content;
  expect(Object.keys(ok).sort()).toEqual(['application/json', 'text/csv']);
});

test("another organization's program, or one unknown, is not found; a role reading no client is refused", async () => {
  const northside = testActor({ orgId: seeded.northside, roles: ['caseworker'] });
  expect((await ask(period, northside)).status).toBe(404);
  expect((await ask(period, worker, seeded.northsideProgram)).status).toBe(404);
  expect((await ask(period, worker, '8d3c2b8e-2f0c-4f55-9a53-6d1f1c6a0b11')).status).toBe(404);
  const admin = testActor({ orgId: seeded.lakeshore, roles: ['admin'] });
  expect((await ask(period, admin)).status).toBe(403);
});

test('a bad period or figure answers a problem naming the field', async () => {
  const fieldsOf = async (query: string, status: number) => {
    const res = await ask(query);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    return (await json(res)).errors.map((e: { field: string }) => e.field);
  };
  expect(await fieldsOf('from=2026-06-30&to=2026-04-01', 422)).toEqual(['query.to']);
  expect(await fieldsOf('from=2026-02-30&to=2026-06-30', 400)).toEqual(['query.from']);
  expect(await fieldsOf(`${period}&list=everyone`, 400)).toEqual(['query.list']);
  expect(await fieldsOf(`${period}&format=xml`, 400)).toEqual(['query.format']);
});

test('a rebuild of the read model from its journal gives the same report, links and all', async () => {
  const before = await report(`${period}&list=served`);
  await rebuildReadModel(service.pool, readModelConsumers());
  expect(await report(`${period}&list=served`)).toEqual(before);
});

test('a link undone counts its two records as two people again', async () => {
  await publishAndWait(service, PersonUnlinked, { ...seeded.link, at: '2026-06-29T09:00:00.000Z' });
  const { figures } = await report();
  expect(figures.served).toBe(9);
  expect(figures.new).toBe(7); // Carla's second record entered 06-01: new of its own
  expect(figures.active).toBe(6);
  // (10 + 10 + 4 + 2) / 4
  expect(figures.daysToParticipation).toEqual({ persons: 4, averageDays: 6.5 });
  expect(figures.servicesByType[1]).toEqual({
    serviceTypeId: 'case_management',
    services: 3,
    persons: 3,
  });
});
