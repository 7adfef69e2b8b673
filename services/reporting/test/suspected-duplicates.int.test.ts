import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import {
  DuplicateCleared,
  DuplicateDismissed,
  DuplicateSuspected,
  SharingStateChanged,
} from '@hearth/events';
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
const outsider = randomUUID(); // Northside's record, restricted to it, enrolled nowhere here
const pairOf = (x: string, y: string) => [x, y].sort();
const at = '2026-06-01T08:00:00.000Z';

/**
 * The program of program-report-fixtures.ts (Lakeshore's caseworker asks; enrolled in the period:
 * Amina, Daniel, Bo and his linked second record, Carla and hers, Eve, Northside's Rita (released
 * to Lakeshore), Hal (restricted to Northside) and Ed (release ended 06-29); Frank's enrollment
 * ended in 2025), and intake's pairs as its events tell them:
 * - Amina–Eve 85, open: both counted, each named to the other;
 * - Daniel–outsider 75, open: Daniel counted, the outsider (Northside's, restricted) not named;
 * - Hal–Frank 80, open: Hal counted, withheld from the list (Lakeshore may not see him);
 * - Rita–Carla's second record: its dismissal arrived before the pair, which stays dismissed;
 * - Bo–Bo's second record 90, open: the records are linked as one person, nothing to count;
 * - Carla–Frank 88: found (version 1), cleared (version 3), then an older word (version 2) late;
 * - Frank–outsider 95, open: neither is enrolled in the period.
 * Counted: Amina, Eve, Daniel, Hal = 4 records.
 */
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-06-30T12:00:00Z'),
  });
  seeded = await seedProgram(service);
  const { ids, lakeshore, northside } = seeded;
  worker = testActor({ orgId: lakeshore, roles: ['caseworker'] });
  await publishAndWait(service, SharingStateChanged, {
    participantId: outsider,
    ownerOrgId: northside,
    securityRestriction: 'restrict_to_org',
    releases: [],
    sharingVersion: 1,
  });
  let version = 100;
  const suspect = (x: string, y: string, score: number, v = ++version) =>
    publishAndWait(service, DuplicateSuspected, {
      participantIds: pairOf(x, y),
      score,
      version: v,
      at,
    });
  await suspect(ids.amina, ids.eve, 85);
  await suspect(ids.daniel, outsider, 75);
  await suspect(ids.hidden, ids.frank, 80);
  await publishAndWait(service, DuplicateDismissed, {
    participantIds: pairOf(ids.rita, ids.carlaAgain),
    at,
  });
  await suspect(ids.rita, ids.carlaAgain, 92);
  await suspect(ids.bo, ids.boAgain, 90);
  await suspect(ids.carla, ids.frank, 88, 1);
  await publishAndWait(service, DuplicateCleared, {
    participantIds: pairOf(ids.carla, ids.frank),
    version: 3,
    at,
  });
  await suspect(ids.carla, ids.frank, 88, 2);
  await suspect(ids.frank, outsider, 95);
}, 90_000);
afterAll(() => service?.close());

const period = 'from=2026-04-01&to=2026-06-30';
async function ask(query: string) {
  const res = await fetch(
    `${service.url}/api/v1/reports/programs/${seeded.program}/data-quality?${period}&${query}`,
    { headers: { authorization: `Bearer ${mintToken(worker)}` } },
  );
  expect(res.status).toBe(200);
  return res;
}
const listed = async () => (await json(await ask('list=suspectedDuplicates'))).listed;

test("counts the program's records enrolled in the period in an open pair of intake's", async () => {
  const answer = await json(await ask(''));
  // Amina, Eve, Daniel, Hal; not Rita nor Carla's second record (dismissed), not Bo (one
  // person), not Carla (cleared), not Frank (not enrolled in the period)
  expect(answer.suspectedDuplicates).toEqual({ available: true, records: 4, linkedRecords: 4 });
  const lines = (await (await ask('format=csv')).text()).split('\r\n');
  expect(lines).toContain('records_in_suspected_duplicates,4');
});

test('lists each record the requester may see with its pair; a record it may not see is not named', async () => {
  const { ids } = seeded;
  const list = await listed();
  expect(list.figure).toBe('suspectedDuplicates');
  expect(list.withheld).toBe(1); // Hal
  const byRecord = (a: { participantId: string }, b: { participantId: string }) =>
    a.participantId.localeCompare(b.participantId);
  expect([...list.items].sort(byRecord)).toEqual(
    [
      { participantId: ids.amina, enrollmentId: null, detail: `score 85, paired with ${ids.eve}` },
      { participantId: ids.eve, enrollmentId: null, detail: `score 85, paired with ${ids.amina}` },
      {
        participantId: ids.daniel,
        enrollmentId: null,
        detail: 'score 75, paired with a record you may not see',
      },
    ].sort(byRecord),
  );
  // neither Northside's outsider nor Hal appears anywhere in the list, nor Frank (Hal's pair)
  const text = JSON.stringify(list);
  for (const hidden of [outsider, ids.hidden, ids.frank]) expect(text).not.toContain(hidden);
  const csv = (await (await ask('list=suspectedDuplicates&format=csv')).text()).split('\r\n');
  expect(csv).toContain(`${ids.daniel},,"score 75, paired with a record you may not see"`);
});

test('a rebuild from the event journal gives back the same pairs and the same report', async () => {
  const pairs = () =>
    service.pool
      .query(
        `SELECT participant_a, participant_b, state, score, version::int FROM suspected_pairs
         ORDER BY participant_a, participant_b`,
      )
      .then((r) => r.rows);
  const before = { pairs: await pairs(), report: await json(await ask('')), list: await listed() };
  expect(before.pairs.map((p) => p.state).sort()).toEqual([
    'cleared',
    'dismissed',
    'open',
    'open',
    'open',
    'open',
    'open',
  ]);
  await service.pool.query('TRUNCATE suspected_pairs'); // damaged: the rebuild makes it again
  await rebuildReadModel(service.pool, readModelConsumers());
  expect(await pairs()).toEqual(before.pairs);
  expect(await json(await ask(''))).toEqual(before.report);
  expect(await listed()).toEqual(before.list);
});
