import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { envelope, ProgramCreated } from '@hearth/events';
import { outboxEvents } from '@hearth/testkit';
import { startEnrollment, type Harness } from './harness';

/**
 * Migration 131 announces every program once: those made before the program events existed
 * were never announced. Here it runs again over programs written as they were then.
 */
let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

const migration = readFileSync(
  join(__dirname, '../migrations/131_announce_programs_once.sql'),
  'utf8',
);
const orgId = randomUUID();
const plain = randomUUID();
const housing = randomUUID();

test('each program is announced once through the outbox with its whole state at its version, HUD facts only where held', async () => {
  await h.pool.query(
    `INSERT INTO programs (id, org_id, name, funding_source, grant_number, active_from, active_to,
       created_by, version, updated_at)
     VALUES ($1, $3, 'Food pantry', 'City', 'C-9', '2023-02-01', '2024-01-31', $4, 2,
       '2024-05-06 07:08:09+00'),
       ($2, $3, 'Lakeshore PSH', 'HUD CoC', NULL, '2022-10-01', NULL, $4, 1,
       '2022-09-30 23:59:59+00')`,
    [plain, housing, orgId, randomUUID()],
  );
  const funders = [
    { funder: 2, otherFunder: null, grantId: 'WI0001', startDate: '2022-10-01', endDate: null },
  ];
  await h.pool.query(
    `UPDATE programs SET project_type = 3, funders = $2, housing_type = 1, coc_code = 'WI-503',
       continuum_project = true WHERE id = $1`,
    [housing, JSON.stringify(funders)],
  );
  await h.pool.query(migration);

  const events = (await outboxEvents(h.pool, ProgramCreated)).filter((e) => e.orgId === orgId);
  expect(events.map((e) => e.data.programId).sort()).toEqual([plain, housing].sort());
  for (const e of events) {
    expect(() => envelope.parse(e)).not.toThrow();
    // the strict schema consumers parse with: nothing more, nothing less
    expect(ProgramCreated.data.parse(e.data)).toEqual(e.data);
    expect(e.actor).toEqual({ userId: null, name: 'Programs announced once (enrollment)' });
  }
  const byId = new Map(events.map((e) => [e.data.programId, e]));
  expect(byId.get(plain)!.occurredAt).toBe('2024-05-06T07:08:09.000Z');
  expect(byId.get(plain)!.data).toEqual({
    programId: plain,
    orgId,
    name: 'Food pantry',
    fundingSource: 'City',
    grantNumber: 'C-9',
    activeFrom: '2023-02-01',
    activeTo: '2024-01-31',
    kind: null,
    version: 2,
  });
  expect(byId.get(housing)!.data).toEqual({
    programId: housing,
    orgId,
    name: 'Lakeshore PSH',
    fundingSource: 'HUD CoC',
    grantNumber: null,
    activeFrom: '2022-10-01',
    activeTo: null,
    kind: null,
    continuumProject: true,
    projectType: 3,
    funders,
    housingType: 1,
    cocCode: 'WI-503',
    version: 1,
  });
});
