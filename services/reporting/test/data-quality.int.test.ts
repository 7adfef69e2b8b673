import type { Actor } from '@hearth/auth';
import { HmisAssessmentRecorded, ParticipantUpdated } from '@hearth/events';
import {
  mintToken,
  publishAndWait,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { seedProgram } from './program-report-fixtures';
import { json } from './json';

let service: TestService;
let seeded: Awaited<ReturnType<typeof seedProgram>>;
let worker: Actor;

/**
 * The program of program-report-fixtures.ts, then: Daniel's sex not recorded, Eve's unknown,
 * Rita's refused, Bo's last name blank; prior living situations at project start: Amina 116,
 * Daniel 8, Carla 99, Rita 9; Carla's second record has one at exit only.
 */
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-06-30T12:00:00Z'),
  });
  seeded = await seedProgram(service);
  worker = testActor({ orgId: seeded.lakeshore, roles: ['caseworker'] });
  const { ids, enrollments: e, lakeshore, northside } = seeded;
  const facts = (participantId: string, ownerOrgId = lakeshore) => ({
    participantId,
    ownerOrgId,
    firstName: 'Someone',
    middleName: null,
    lastName: 'Test',
    birthDate: '1990-01-01',
    securityRestriction: 'restrict_to_org' as const,
  });
  await publishAndWait(service, ParticipantUpdated, { ...facts(ids.daniel), sex: null });
  await publishAndWait(service, ParticipantUpdated, { ...facts(ids.eve), sex: 'unknown' });
  await publishAndWait(service, ParticipantUpdated, {
    ...facts(ids.rita, northside),
    sex: 'refused',
  });
  await publishAndWait(service, ParticipantUpdated, {
    ...facts(ids.bo),
    lastName: '  ',
    sex: 'male',
  });
  const living = (
    participantId: string,
    enrollmentId: string,
    code: number,
    stage = 'project_start',
  ) =>
    publishAndWait(service, HmisAssessmentRecorded, {
      assessmentId: crypto.randomUUID(),
      enrollmentId,
      participantId,
      orgId: lakeshore,
      stage: stage as 'project_start',
      informationDate: '2026-04-06',
      restriction: 'mou',
      elements: { priorLivingSituation: { livingSituation: code } },
      totalMonthlyIncomeCents: null,
      version: 1,
    });
  await living(ids.amina, e.e1, 116);
  await living(ids.daniel, e.e1, 8);
  await living(ids.carla, e.e3, 99);
  await living(ids.rita, e.e6, 9);
  await living(ids.carlaAgain, e.e4, 101, 'exit');
}, 90_000);
afterAll(() => service?.close());

const period = 'from=2026-04-01&to=2026-06-30';
const ask = (query: string, actor = worker, programId = seeded.program) =>
  fetch(`${service.url}/api/v1/reports/programs/${programId}/data-quality?${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
async function quality(query = period) {
  const res = await ask(query);
  expect(res.status).toBe(200);
  return json(res);
}
const element = (answer: { elements: { element: string }[] }, name: string) =>
  answer.elements.find((e) => e.element === name);

test("each required element counts the records missing it, doesn't know, prefers not and not collected", async () => {
  const answer = await quality();
  // ten client records enrolled in the period (Frank's enrollment ended in 2025)
  expect(element(answer, 'name')).toEqual({
    element: 'name',
    records: 10,
    missing: 1, // Bo's blank last name
    doesntKnow: 0,
    prefersNot: 0,
    notCollected: 0,
    errorPercent: 10,
  });
  expect(element(answer, 'dateOfBirth')).toMatchObject({ records: 10, errorPercent: 0 });
  expect(element(answer, 'sex')).toMatchObject({
    records: 10,
    missing: 0,
    doesntKnow: 1, // Eve
    prefersNot: 1, // Rita
    notCollected: 1, // Daniel
    errorPercent: 30,
  });
  // eight members entered in the period: Amina answered; Daniel 8, Carla 99, Rita 9; Carla's
  // second record (an exit assessment only), Hal, Ed and Bo's second record have none
  expect(element(answer, 'priorLivingSituation')).toEqual({
    element: 'priorLivingSituation',
    records: 8,
    missing: 4,
    doesntKnow: 1,
    prefersNot: 1,
    notCollected: 1,
    errorPercent: 87.5,
  });
  // three exited in the period: Amina and Daniel to permanent housing, Eve auto-exited (asked nobody)
  expect(element(answer, 'destination')).toMatchObject({
    records: 3,
    missing: 1,
    errorPercent: 33.3,
  });
  // every element HUD requires is announced now (disabling condition: disabling-condition.int)
  expect(answer.notAnnounced).toEqual([]);
});

test('open enrollments without a service for 90 days, clients never exited, and duplicates are reported', async () => {
  const answer = await quality();
  // Bo's enrollment: last service 03-15, more than 90 days before 06-30 (Carla's deleted one
  // does not count; Rita's household entered 04-10, 81 days before)
  expect(answer.enrollmentsWithoutService90Days).toBe(1);
  // open at 06-30: Bo (both records), Carla (both records), Rita, Hal, Ed
  expect(answer.clientsNeverExited).toBe(7);
  // no suspected pair announced in these fixtures (suspected-duplicates.int.test.ts has them)
  expect(answer.suspectedDuplicates).toEqual({ available: true, records: 0, linkedRecords: 4 });
  // the linked records are Bo's two and Carla's two, each listed once
  const { ids } = seeded;
  const linked = (await quality(`${period}&list=linked`)).listed;
  expect(linked.items.map((i: { participantId: string }) => i.participantId).sort()).toEqual(
    [ids.bo, ids.boAgain, ids.carla, ids.carlaAgain].sort(),
  );
  expect((await quality(`${period}&list=dateOfBirth`)).listed.items).toEqual([]);
  const stale = (await quality(`${period}&list=withoutService90Days`)).listed.items;
  expect(stale).toEqual([
    { participantId: seeded.ids.bo, enrollmentId: seeded.enrollments.e2, detail: '2026-03-15' },
  ]);
});

test('a flagged list shows the records the requester may see and withholds the others', async () => {
  const { ids } = seeded;
  const sex = (await quality(`${period}&list=sex`)).listed;
  expect(
    sex.items
      .map((i: { participantId: string; detail: string }) => [i.participantId, i.detail])
      .sort(),
  ).toEqual(
    [
      [ids.daniel, 'not_collected'],
      [ids.eve, 'doesnt_know'],
      [ids.rita, 'prefers_not'],
    ].sort(),
  );
  const living = (await quality(`${period}&list=priorLivingSituation`)).listed;
  // Hal (Northside's, restricted) and Ed (his release ended 06-29) are withheld
  expect(living.withheld).toBe(2);
  const listed = living.items.map((i: { participantId: string }) => i.participantId);
  expect(listed.sort()).toEqual(
    [ids.daniel, ids.carla, ids.rita, ids.carlaAgain, ids.boAgain].sort(),
  );
});

test('the data-quality report comes as CSV, with its header and a line per element', async () => {
  const res = await ask(`${period}&format=csv`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const lines = (await res.text()).split('\r\n');
  expect(lines[0]).toBe(
    'figure,records,missing,doesnt_know,prefers_not,not_collected,error_percent',
  );
  expect(lines).toContain('sex,10,0,1,1,1,30');
  // no client facts announced in these fixtures: SSN not collected for all ten records
  expect(lines).toContain('ssn,10,0,0,0,10,100');
  // nor a disabling condition: missing for all ten (HUD's framework counts 99 or none as missing)
  expect(lines).toContain('disablingCondition,10,10,0,0,0,100');
  expect(lines).toContain('enrollments_without_service_90_days,1');
});

test("another organization's program is not found, and a bad period is a problem naming the field", async () => {
  const northside = testActor({ orgId: seeded.northside, roles: ['caseworker'] });
  expect((await ask(period, northside)).status).toBe(404);
  const reversed = await ask('from=2026-06-30&to=2026-04-01');
  expect(reversed.status).toBe(422);
  expect((await json(reversed)).errors.map((e: { field: string }) => e.field)).toEqual([
    'query.to',
  ]);
  expect((await ask(`${period}&list=nobody`)).status).toBe(400);
});
