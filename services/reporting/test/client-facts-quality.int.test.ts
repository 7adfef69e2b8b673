import type { Actor } from '@hearth/auth';
import { ParticipantUpdated } from '@hearth/events';
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
 * The program of program-report-fixtures.ts (ten client records enrolled in 2026-04-01 …
 * 2026-06-30, all born 1990-01-01), then intake announces the client facts of six of them:
 * - Amina: white and Asian, not a veteran, full SSN.
 * - Daniel, born 2015-03-01 (a child): doesn't know his race, veteran unknown, no SSN recorded.
 * - Bo: prefers not to say his race, refused veteran status, refused the SSN.
 * - Bo's second record, born 2008-06-20 (17 at its entry on 06-15): no race marked, a veteran,
 *   full SSN.
 * - Carla: Hispanic/Latina, a veteran, full SSN.
 * - Eve, born 2008-04-01 (18 on the period's first day, after her 03-01 entry): doesn't know her
 *   race, veteran unknown, refused the SSN.
 * Carla's second record, Rita, Hal and Ed were announced before these facts: not collected.
 */
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-06-30T12:00:00Z'),
  });
  seeded = await seedProgram(service);
  worker = testActor({ orgId: seeded.lakeshore, roles: ['caseworker'] });
  const { ids, lakeshore } = seeded;
  const facts = (
    participantId: string,
    firstName: string,
    more: Partial<Parameters<typeof ParticipantUpdated.data.parse>[0]>,
  ) =>
    publishAndWait(service, ParticipantUpdated, {
      participantId,
      ownerOrgId: lakeshore,
      firstName,
      middleName: null,
      lastName: 'Test',
      birthDate: '1990-01-01',
      sex: 'female',
      securityRestriction: 'restrict_to_org',
      ...more,
    });
  await facts(ids.amina, 'Amina', {
    race: ['white', 'asian_asian_american'],
    veteranStatus: 'no',
    ssnStatus: 'full',
  });
  await facts(ids.daniel, 'Daniel', {
    birthDate: '2015-03-01',
    race: ['client_doesnt_know'],
    veteranStatus: 'unknown',
    ssnStatus: 'none',
  });
  await facts(ids.bo, 'Bo', {
    race: ['client_prefers_not_to_answer'],
    veteranStatus: 'refused',
    ssnStatus: 'refused',
  });
  await facts(ids.boAgain, 'Bo', {
    birthDate: '2008-06-20',
    race: [],
    veteranStatus: 'yes',
    ssnStatus: 'full',
  });
  await facts(ids.carla, 'Carla', {
    race: ['hispanic_latina_e_o'],
    veteranStatus: 'yes',
    ssnStatus: 'full',
  });
  await facts(ids.eve, 'Eve', {
    birthDate: '2008-04-01',
    race: ['client_doesnt_know'],
    veteranStatus: 'unknown',
    ssnStatus: 'refused',
  });
}, 90_000);
afterAll(() => service?.close());

const period = 'from=2026-04-01&to=2026-06-30';
const ask = (query: string, actor = worker) =>
  fetch(`${service.url}/api/v1/reports/programs/${seeded.program}/data-quality?${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
async function quality(query = period) {
  const res = await ask(query);
  expect(res.status).toBe(200);
  return json(res);
}
const element = (answer: { elements: { element: string }[] }, name: string) =>
  answer.elements.find((e) => e.element === name);

test('SSN data quality counts a refusal as prefers not, and no SSN or no announcement as not collected', async () => {
  // full: Amina, Bo's second record, Carla; refused (9): Bo, Eve; none (99): Daniel; not
  // announced (99): Carla's second record, Rita, Hal, Ed
  expect(element(await quality(), 'ssn')).toEqual({
    element: 'ssn',
    records: 10,
    missing: 0,
    doesntKnow: 0,
    prefersNot: 2,
    notCollected: 5,
    errorPercent: 70,
  });
});

test("race counts RaceNone: doesn't know, prefers not, and no race marked or announced as not collected", async () => {
  // a race marked: Amina, Carla; 8: Daniel, Eve; 9: Bo; 99: Bo's second record (none marked),
  // Carla's second record, Rita, Hal, Ed
  expect(element(await quality(), 'race')).toEqual({
    element: 'race',
    records: 10,
    missing: 0,
    doesntKnow: 2,
    prefersNot: 1,
    notCollected: 5,
    errorPercent: 80,
  });
});

test('veteran status is counted over the adults only, aged on the later of the period start and their entry', async () => {
  // Daniel (11) and Bo's second record (17 on 06-15) are children; Eve is 18 on 04-01.
  // Eight adults: Amina no, Carla yes; Eve 8; Bo 9; Carla's second record, Rita, Hal, Ed 99
  expect(element(await quality(), 'veteranStatus')).toEqual({
    element: 'veteranStatus',
    records: 8,
    missing: 0,
    doesntKnow: 1,
    prefersNot: 1,
    notCollected: 4,
    errorPercent: 75,
  });
});

test('no element is listed as not announced any more', async () => {
  expect((await quality()).notAnnounced).toEqual([]);
});

test("a client fact's flagged records are listed to who may see them, the others withheld", async () => {
  const { ids } = seeded;
  const listed = (await quality(`${period}&list=veteranStatus`)).listed;
  // Hal (Northside's, restricted) and Ed (his release ended 06-29) are withheld
  expect(listed.withheld).toBe(2);
  expect(
    listed.items
      .map((i: { participantId: string; detail: string }) => [i.participantId, i.detail])
      .sort(),
  ).toEqual(
    [
      [ids.bo, 'prefers_not'],
      [ids.eve, 'doesnt_know'],
      [ids.carlaAgain, 'not_collected'],
      [ids.rita, 'not_collected'],
    ].sort(),
  );
});

test('the CSV carries a line per client fact, disabling condition too (none announced here: missing)', async () => {
  const res = await ask(`${period}&format=csv`);
  expect(res.status).toBe(200);
  const lines = (await res.text()).split('\r\n');
  expect(lines).toContain('ssn,10,0,0,2,5,70');
  expect(lines).toContain('race,10,0,2,1,5,80');
  expect(lines).toContain('veteranStatus,8,0,1,1,4,75');
  expect(lines).toContain('disablingCondition,10,10,0,0,0,100');
});
