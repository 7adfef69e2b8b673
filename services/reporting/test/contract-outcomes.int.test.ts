import type { Actor } from '@hearth/auth';
import { mintToken, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readModelConsumers } from '../src/events/consumers';
import { rebuildReadModel } from '../src/events/journal';
import {
  enrollmentOf,
  ids,
  lakeshore,
  northside,
  program,
  seedWorkforceProgram,
} from './contract-outcomes-fixtures';
import { json } from './json';

let service: TestService;
let worker: Actor;

/** Lakeshore's workforce program of contract-outcomes-fixtures.ts (its figures worked there). */
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-07-10T12:00:00Z'),
  });
  worker = testActor({ orgId: lakeshore, roles: ['contract_manager'] });
  await seedWorkforceProgram(service);
}, 90_000);
afterAll(() => service?.close());

const period = 'from=2026-01-01&to=2026-06-30';
const ask = (query: string, actor = worker) =>
  fetch(`${service.url}/api/v1/reports/programs/${program}/contract-outcomes?${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
async function outcomes(query = period) {
  const res = await ask(query);
  expect(res.status).toBe(200);
  return json(res);
}

test('each measure is a share of the persons exited in the period, a linked pair counted once', async () => {
  const answer = await outcomes();
  // Ana, Ben (two records, one person), Hal; Cy (deceased) and Dee (pre-program) left out
  expect(answer.persons).toBe(3);
  expect(answer.excluded).toEqual({ preProgramExit: 1, removedFromPerformance: 1 });
  expect(answer.measures).toEqual({
    // Ana (her job, unsubsidized then career track) and Hal; Ben's subsidized job does not count
    unsubsidizedEmployment: { persons: 2, of: 3, percent: 66.7 },
    // Ben's Career Plan Employment confirmation
    careerTrackEmployment: { persons: 1, of: 3, percent: 33.3 },
    // Ana alone worked in both Q2 and Q4 (Ben in Q2 only)
    retentionInEmployment: { persons: 1, of: 3, percent: 33.3 },
    // Ana, and Ben through his second record
    permanentHousingAtExit: { persons: 2, of: 3, percent: 66.7 },
    credentialAttainment: { persons: 1, of: 3, percent: 33.3 },
  });
});

test('a measure lists the enrollments it counted whose participant the requester may see', async () => {
  const unsubsidized = (await outcomes(`${period}&list=unsubsidizedEmployment`)).listed;
  expect(unsubsidized.items).toEqual([
    { participantId: ids.ana, enrollmentId: enrollmentOf.ana, detail: null },
  ]);
  expect(unsubsidized.withheld).toBe(1); // Hal, Northside's restricted client
  const excluded = (await outcomes(`${period}&list=excluded`)).listed.items;
  expect(excluded).toEqual([
    { participantId: ids.dee, enrollmentId: enrollmentOf.dee, detail: 'pre_program_exit' },
    { participantId: ids.cy, enrollmentId: enrollmentOf.cy, detail: 'removed_from_performance' },
  ]);
});

test('the measures come as CSV with their header and a line per measure', async () => {
  const res = await ask(`${period}&format=csv`);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const lines = (await res.text()).split('\r\n');
  expect(lines[0]).toBe('measure,persons,of,percent');
  expect(lines).toContain('unsubsidizedEmployment,2,3,66.7');
  expect(lines).toContain('credentialAttainment,1,3,33.3');
  expect(lines).toHaveLength(1 + 5 + 1); // the header, the five measures, the last line's end
  const excluded = await ask(`${period}&list=excluded&format=csv`);
  expect((await excluded.text()).split('\r\n')).toEqual([
    'participant_id,enrollment_id,detail',
    `${ids.dee},${enrollmentOf.dee},pre_program_exit`,
    `${ids.cy},${enrollmentOf.cy},removed_from_performance`,
    '',
  ]);
});

test("another organization's program is not found; a reversed period is a problem naming the field", async () => {
  expect(
    (await ask(period, testActor({ orgId: northside, roles: ['contract_manager'] }))).status,
  ).toBe(404);
  const reversed = await ask('from=2026-06-30&to=2026-01-01');
  expect(reversed.status).toBe(422);
  expect((await json(reversed)).errors[0].field).toBe('query.to');
});

test('a rebuild of the read model from its journal gives the same measures', async () => {
  const before = await outcomes(`${period}&list=cohort`);
  await rebuildReadModel(service.pool, readModelConsumers());
  expect(await outcomes(`${period}&list=cohort`)).toEqual(before);
});
