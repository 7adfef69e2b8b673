import { randomUUID } from 'node:crypto';
import { ProgramCreated, ProgramUpdated } from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { client, startEnrollment, type Harness } from './harness';

/** Enrollment announces each program's whole state, for reporting's Project.csv. */
const supervisor = testActor({ orgId: randomUUID(), roles: ['supervisor'] });
let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

const announced = async (definition: typeof ProgramCreated | typeof ProgramUpdated, id: string) =>
  (await outboxEvents(h.pool, definition)).filter((e) => e.data.programId === id);

test('a new program is announced with its name, funding, grant and active dates, version 1', async () => {
  const res = await client(h.url, supervisor).post('/programs', {
    name: 'Shelter Plus',
    fundingSource: 'HUD CoC',
    grantNumber: 'WI-501',
    activeFrom: '2025-07-01',
    activeTo: '2027-06-30',
  });
  expect(res.status).toBe(201);
  const [event] = await announced(ProgramCreated, res.body.id);
  expect(event).toMatchObject({ orgId: supervisor.orgId, actor: { userId: supervisor.userId } });
  expect(event!.data).toEqual({
    programId: res.body.id,
    orgId: supervisor.orgId,
    name: 'Shelter Plus',
    fundingSource: 'HUD CoC',
    grantNumber: 'WI-501',
    activeFrom: '2025-07-01',
    activeTo: '2027-06-30',
    kind: null,
    version: 1,
  });
});

test('a change is announced with the whole program at its new version; a refused one announces nothing', async () => {
  const api = client(h.url, supervisor);
  const { body } = await api.post('/programs', {
    name: 'Rapid Rehousing',
    fundingSource: 'ESG',
    activeFrom: '2025-01-01',
  });
  const stale = await api.patch(`/programs/${body.id}`, { version: 7, name: 'Nope' });
  expect(stale.status).toBe(409);
  const changed = await api.patch(`/programs/${body.id}`, { version: 1, name: 'RRH' });
  expect(changed.status).toBe(200);
  const updates = await announced(ProgramUpdated, body.id);
  expect(updates.map((e) => [e.data.name, e.data.version, e.data.fundingSource])).toEqual([
    ['RRH', 2, 'ESG'],
  ]);
});

test('a second program of the same name is refused and announced by neither', async () => {
  const api = client(h.url, supervisor);
  const first = await api.post('/programs', {
    name: 'Twice',
    fundingSource: 'X',
    activeFrom: '2025-01-01',
  });
  const again = await api.post('/programs', {
    name: 'Twice',
    fundingSource: 'Y',
    activeFrom: '2025-01-01',
  });
  expect(again.status).toBe(409);
  const named = (await outboxEvents(h.pool, ProgramCreated)).filter((e) => e.data.name === 'Twice');
  expect(named.map((e) => e.data.programId)).toEqual([first.body.id]);
});
