import { randomUUID } from 'node:crypto';
import { ProgramCreated, ProgramUpdated } from '@hearth/events';
import { outboxEvents, rowCounts, testActor } from '@hearth/testkit';
import { client, fieldsOf, startEnrollment, type Harness } from './harness';

/** The rest of HUD's project information on a program: HUD's lists, only where HUD asks it. */
const supervisor = testActor({ orgId: randomUUID(), roles: ['supervisor'] });
let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

const base = { fundingSource: 'HUD HOPWA', activeFrom: '2025-07-01' };
const hopwa = { funder: 15, grantId: 'WIH25F001', startDate: '2025-07-01' };
const announced = async (definition: typeof ProgramCreated | typeof ProgramUpdated, id: string) =>
  (await outboxEvents(h.pool, definition)).filter((e) => e.data.programId === id);

test('an RRH program with its subtype, housing type, population, HOPWA answer and CoC holds them and announces them', async () => {
  const details = {
    projectType: 13,
    rrhSubType: 2,
    housingType: 3,
    targetPopulation: 3,
    hopwaMedAssistedLivingFac: 0,
    continuumProject: true,
    cocCode: 'WI-503',
  };
  const res = await client(h.url, supervisor).post('/programs', {
    ...base,
    name: 'Scattered-site RRH',
    funders: [hopwa],
    ...details,
  });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ ...details, residentialAffiliation: null });
  const [event] = await announced(ProgramCreated, res.body.id);
  expect(event!.data).toMatchObject(details);
  // not said: left out of the event, as events before these facts
  expect(event!.data).not.toHaveProperty('residentialAffiliation');
});

test('a program saying none of it is no continuum project and announces none of it, as events before these facts', async () => {
  const res = await client(h.url, supervisor).post('/programs', { ...base, name: 'Plain' });
  expect(res.body).toMatchObject({ continuumProject: false, housingType: null, cocCode: null });
  const [event] = await announced(ProgramCreated, res.body.id);
  for (const field of [
    'continuumProject',
    'housingType',
    'rrhSubType',
    'targetPopulation',
    'cocCode',
  ])
    expect(event!.data).not.toHaveProperty(field);
});

test("codes off HUD's lists, elements a project type does not ask, a HOPWA answer without a HOPWA grant and a malformed CoC code are 422 naming each; nothing written", async () => {
  const before = await rowCounts(h.pool, ['programs', 'outbox']);
  const res = await client(h.url, supervisor).post('/programs', {
    ...base,
    name: 'Wrong',
    projectType: 0, // ES entry/exit: residential, no RRH subtype, no affiliation
    housingType: 4,
    rrhSubType: 1,
    residentialAffiliation: true,
    targetPopulation: 2, // retired by HUD
    hopwaMedAssistedLivingFac: 1, // no HOPWA funder
    cocCode: 'wi-503',
  });
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  expect(fieldsOf(res.body)).toEqual([
    'housingType',
    'targetPopulation',
    'rrhSubType',
    'residentialAffiliation',
    'hopwaMedAssistedLivingFac',
    'cocCode',
  ]);
  expect(await rowCounts(h.pool, ['programs', 'outbox'])).toEqual(before);
});

test('a services-only RRH takes an affiliation and no housing type; a change of type must clear what the new type does not ask', async () => {
  const api = client(h.url, supervisor);
  const made = await api.post('/programs', {
    ...base,
    name: 'RRH services',
    projectType: 13,
    rrhSubType: 1,
    residentialAffiliation: true,
  });
  expect(made.status).toBe(201);
  const housing = await api.patch(`/programs/${made.body.id}`, { version: 1, housingType: 1 });
  expect(housing.status).toBe(422);
  expect(fieldsOf(housing.body)).toEqual(['housingType']);
  // a shelter asks neither the subtype nor the affiliation: kept, they are refused
  const kept = await api.patch(`/programs/${made.body.id}`, { version: 1, projectType: 0 });
  expect(fieldsOf(kept.body)).toEqual(['rrhSubType', 'residentialAffiliation']);
  const changed = await api.patch(`/programs/${made.body.id}`, {
    version: 1,
    projectType: 0,
    rrhSubType: null,
    residentialAffiliation: null,
    housingType: 1,
  });
  expect(changed.status).toBe(200);
  const [update] = await announced(ProgramUpdated, made.body.id);
  expect(update!.data).toMatchObject({ projectType: 0, housingType: 1, version: 2 });
  expect(update!.data).not.toHaveProperty('rrhSubType');
  expect(update!.data).not.toHaveProperty('residentialAffiliation');
});

test('a housing type that is not an integer is a 400 naming it', async () => {
  const res = await client(h.url, supervisor).post('/programs', {
    ...base,
    name: 'X',
    projectType: 2,
    housingType: 'site',
  });
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['housingType']);
});

test('program events made before these facts still parse; an off-list code in one does not', () => {
  const older = {
    programId: randomUUID(),
    orgId: randomUUID(),
    name: 'Old',
    fundingSource: 'City',
    grantNumber: null,
    activeFrom: '2024-01-01',
    activeTo: null,
    kind: null,
    version: 3,
  };
  expect(ProgramUpdated.data.parse(older)).toEqual(older);
  expect(ProgramUpdated.data.safeParse({ ...older, housingType: 4 }).success).toBe(false);
  expect(ProgramUpdated.data.safeParse({ ...older, cocCode: 'WI-5030' }).success).toBe(false);
});
