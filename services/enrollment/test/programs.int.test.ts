import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import { client, daysAgo, fieldsOf, startEnrollment, type Harness } from './harness';
import { createProgram, keysToProgress } from './household';

const orgA = randomUUID();
const supervisor = testActor({ orgId: orgA, roles: ['supervisor'] });
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const stranger = testActor({ roles: ['caseworker'] });

let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
  for (const body of [
    keysToProgress,
    { name: 'Open Workshop', fundingSource: 'General fund', activeFrom: '2020-01-01' },
    {
      name: 'Old Program',
      fundingSource: 'Ended',
      activeFrom: '2019-01-01',
      activeTo: '2020-12-31',
    },
  ])
    await createProgram(h, supervisor, body);
  await createProgram(h, stranger, {
    name: 'Elsewhere',
    fundingSource: 'Other',
    activeFrom: '2020-01-01',
  });
});
afterAll(() => h?.close());

describe('programs', () => {
  it('keeps funding, dates, required fields and criteria as data', async () => {
    const list = await client(h.url, worker).get('/programs');
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual([
      'Keys to Progress',
      'Old Program',
      'Open Workshop',
    ]);
    expect(list.body.items[0]).toMatchObject({ ...keysToProgress, orgId: orgA, activeTo: null });
    const active = await client(h.url, worker).get(`/programs?activeOn=${daysAgo(0)}`);
    expect(active.body.items).toHaveLength(2);
  });

  it("lists only the actor's organization and hides another's program as not found", async () => {
    const theirs = await client(h.url, stranger).get('/programs');
    expect(theirs.body.items.map((p: { name: string }) => p.name)).toEqual(['Elsewhere']);
    expect((await client(h.url, worker).get(`/programs/${theirs.body.items[0].id}`)).status).toBe(
      404,
    );
  });

  it.each([
    ['a caseworker', worker, { ...keysToProgress, name: 'X' }, 403, []],
    ['a duplicate name', supervisor, keysToProgress, 409, ['name']],
    [
      'a criterion testing a number against a list',
      supervisor,
      {
        ...keysToProgress,
        name: 'Y',
        eligibilityCriteria: [{ fact: 'age', op: 'one_of', values: ['x'] }],
      },
      400,
      ['eligibilityCriteria.0.fact'],
    ],
    [
      'an unknown registration field',
      supervisor,
      { ...keysToProgress, name: 'Z', requiredRegistrationFields: ['ssn'] },
      400,
      ['requiredRegistrationFields.0'],
    ],
    [
      'an end before the start',
      supervisor,
      { ...keysToProgress, name: 'W', activeTo: '2019-01-01' },
      400,
      ['activeTo'],
    ],
  ])('refuses %s, writing nothing', async (_label, actor, body, status, fields) => {
    const count = async () =>
      (await h.pool.query('SELECT count(*)::int AS n FROM programs')).rows[0].n;
    const before = await count();
    const res = await client(h.url, actor).post('/programs', body);
    expect(res.status).toBe(status);
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(await count()).toBe(before);
  });
});
