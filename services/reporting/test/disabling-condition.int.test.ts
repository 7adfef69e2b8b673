import type { Actor } from '@hearth/auth';
import { ParticipantUpdated, type ParticipantFacts } from '@hearth/events';
import {
  mintToken,
  publishAndWait,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { exportedBy, hex } from './export-harness';
import { json } from './json';
import { seedProgram } from './program-report-fixtures';

/**
 * 3.08 Disabling condition from intake's participant events, in Enrollment.csv and in the
 * data-quality report. The program of program-report-fixtures.ts (ten client records enrolled in
 * 2026-04-01 … 2026-06-30), then intake announces: Amina yes, Daniel no, Bo doesn't know, Carla
 * refused, Eve none recorded (null), Bo's second record yes. Carla's second record, Rita, Hal and
 * Ed were announced before intake sent it: not collected.
 */
let service: TestService;
let seeded: Awaited<ReturnType<typeof seedProgram>>;
let worker: Actor;

beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-06-30T12:00:00Z'),
  });
  seeded = await seedProgram(service);
  worker = testActor({ orgId: seeded.lakeshore, roles: ['caseworker'] });
  const { ids, lakeshore } = seeded;
  const answered = (participantId: string, answer: ParticipantFacts['disablingCondition']) =>
    publishAndWait(service, ParticipantUpdated, {
      participantId,
      ownerOrgId: lakeshore,
      firstName: 'Someone',
      middleName: null,
      lastName: 'Test',
      birthDate: '1990-01-01',
      sex: 'female',
      securityRestriction: 'restrict_to_org',
      disablingCondition: answer,
    });
  await answered(ids.amina, 'yes');
  await answered(ids.daniel, 'no');
  await answered(ids.bo, 'unknown');
  await answered(ids.carla, 'refused');
  await answered(ids.eve, null);
  await answered(ids.boAgain, 'yes');
}, 90_000);
afterAll(() => service?.close());

const period = 'from=2026-04-01&to=2026-06-30';
const ask = (query: string) =>
  fetch(`${service.url}/api/v1/reports/programs/${seeded.program}/data-quality?${query}`, {
    headers: { authorization: `Bearer ${mintToken(worker)}` },
  });
async function quality(query = period) {
  const res = await ask(query);
  expect(res.status).toBe(200);
  return json(res);
}

test("Enrollment.csv's DisablingCondition is HUD's 3.08 code of the client's answer: 1 yes, 0 no, 8 doesn't know, 9 refused, 99 none or not announced", async () => {
  const { ids } = seeded;
  const exported = await exportedBy(service, worker, {
    startDate: '2026-04-01',
    endDate: '2026-06-30',
  });
  const codeOf = (participantId: string) =>
    exported
      .records('Enrollment')
      .filter((e) => e.PersonalID === hex(participantId))
      .map((e) => e.DisablingCondition);
  expect(codeOf(ids.amina)).toEqual(['1']);
  expect(codeOf(ids.daniel)).toEqual(['0']);
  expect(codeOf(ids.bo)).toEqual(['8']);
  expect(codeOf(ids.carla)).toEqual(['9']);
  expect(codeOf(ids.eve)).toEqual(['99']);
  expect(codeOf(ids.boAgain)).toEqual(['1']);
  expect(codeOf(ids.carlaAgain)).toEqual(['99']);
  expect(codeOf(ids.rita)).toEqual(['99']);
});

test('data quality counts disabling condition for every client: 99 or no answer missing, 8 and 9 their own columns', async () => {
  const answer = await quality();
  // ten records: Eve (none recorded) and the four never announced missing, Bo 8, Carla 9: 7 of 10
  expect(
    answer.elements.find((e: { element: string }) => e.element === 'disablingCondition'),
  ).toEqual({
    element: 'disablingCondition',
    records: 10,
    missing: 5,
    doesntKnow: 1,
    prefersNot: 1,
    notCollected: 0,
    errorPercent: 70,
  });
  expect(answer.notAnnounced).toEqual([]);
  const res = await ask(`${period}&format=csv`);
  expect((await res.text()).split('\r\n')).toContain('disablingCondition,10,5,1,1,0,70');
});

test('list=disablingCondition lists the flagged records the requester may see, the others withheld', async () => {
  const { ids } = seeded;
  const listed = (await quality(`${period}&list=disablingCondition`)).listed;
  // Hal (Northside's, restricted) and Ed (his release ended 06-29) are withheld
  expect(listed.withheld).toBe(2);
  expect(
    listed.items
      .map((i: { participantId: string; detail: string }) => [i.participantId, i.detail])
      .sort(),
  ).toEqual(
    [
      [ids.bo, 'doesnt_know'],
      [ids.carla, 'prefers_not'],
      [ids.eve, 'missing'],
      [ids.carlaAgain, 'missing'],
      [ids.rita, 'missing'],
    ].sort(),
  );
});
