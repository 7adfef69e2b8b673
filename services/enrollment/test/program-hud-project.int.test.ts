import { randomUUID } from 'node:crypto';
import { ProgramCreated, ProgramUpdated } from '@hearth/events';
import { outboxEvents, rowCounts, testActor } from '@hearth/testkit';
import { client, fieldsOf, startEnrollment, type Harness } from './harness';

/** A program's HUD project type and funders: HUD's codes only, carried in its events. */
const supervisor = testActor({ orgId: randomUUID(), roles: ['supervisor'] });
let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

const base = { fundingSource: 'HUD CoC', activeFrom: '2025-07-01' };
const coc = {
  funder: 3,
  grantId: 'WI0123L5I012500',
  startDate: '2025-07-01',
  endDate: '2026-06-30',
};
const local = {
  funder: 46,
  otherFunder: 'City of Madison',
  grantId: 'MAD-7',
  startDate: '2025-10-01',
};
const announced = async (definition: typeof ProgramCreated | typeof ProgramUpdated, id: string) =>
  (await outboxEvents(h.pool, definition)).filter((e) => e.data.programId === id);
const held = () => rowCounts(h.pool, ['programs', 'outbox']);

test('a program with a project type and two funders holds them and announces them', async () => {
  const res = await client(h.url, supervisor).post('/programs', {
    ...base,
    name: 'Lakeshore RRH',
    projectType: 13,
    funders: [coc, local],
  });
  expect(res.status).toBe(201);
  const funders = [
    { ...coc, otherFunder: null },
    { ...local, endDate: null },
  ];
  expect(res.body).toMatchObject({ projectType: 13, funders });
  const [event] = await announced(ProgramCreated, res.body.id);
  expect(event!.data).toMatchObject({ projectType: 13, funders, version: 1 });
});

test('a program without them announces neither, as the events before them did', async () => {
  const res = await client(h.url, supervisor).post('/programs', { ...base, name: 'RSI school' });
  expect(res.body).toMatchObject({ projectType: null, funders: [] });
  const [event] = await announced(ProgramCreated, res.body.id);
  expect(event!.data).not.toHaveProperty('projectType');
  expect(event!.data).not.toHaveProperty('funders');
});

test("codes off HUD's lists, a grant ending before it starts and a missing OtherFunder are 422 naming each field; nothing written", async () => {
  const before = await held();
  const res = await client(h.url, supervisor).post('/programs', {
    ...base,
    name: 'Bad codes',
    projectType: 5, // retired by HUD
    funders: [
      coc,
      { funder: 57, grantId: 'G', startDate: '2025-01-01' },
      { ...coc, endDate: '2025-06-30' },
      { funder: 46, grantId: 'G', startDate: '2025-01-01' },
      { ...coc, otherFunder: 'Not for HUD CoC' },
    ],
  });
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  expect(fieldsOf(res.body)).toEqual([
    'projectType',
    'funders.1.funder',
    'funders.2.endDate',
    'funders.3.otherFunder',
    'funders.4.otherFunder',
  ]);
  expect(await held()).toEqual(before);
});

test('a change replaces the funders, clears the type with null and refuses a bad code with 422', async () => {
  const api = client(h.url, supervisor);
  const { body } = await api.post('/programs', {
    ...base,
    name: 'Shelter',
    projectType: 0,
    funders: [coc],
  });
  const bad = await api.patch(`/programs/${body.id}`, { version: 1, projectType: 100000 });
  expect(bad.status).toBe(422);
  expect(fieldsOf(bad.body)).toEqual(['projectType']);
  const changed = await api.patch(`/programs/${body.id}`, {
    version: 1,
    projectType: null,
    funders: [local],
  });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({
    projectType: null,
    funders: [{ ...local, endDate: null }],
    version: 2,
  });
  const updates = await announced(ProgramUpdated, body.id);
  expect(updates).toHaveLength(1);
  expect(updates[0]!.data).not.toHaveProperty('projectType');
  expect(updates[0]!.data.funders).toEqual([{ ...local, endDate: null }]);
});

test('a project type that is not an integer is a 400 naming it', async () => {
  const res = await client(h.url, supervisor).post('/programs', {
    ...base,
    name: 'X',
    projectType: '13',
  });
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['projectType']);
});

test('the OpenAPI documents the project type and the funders of a new program', async () => {
  const doc = (await (await fetch(`${h.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const body = JSON.stringify(doc.paths['/api/v1/programs']!.post);
  expect(body).toContain('projectType');
  expect(body).toContain('grantId');
});
