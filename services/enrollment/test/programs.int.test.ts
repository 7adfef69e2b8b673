import { randomUUID } from 'node:crypto';
import { testActor, waitFor } from '@hearth/testkit';
import {
  client,
  daysAgo,
  fieldsOf,
  participantFacts,
  startEnrollment,
  type Harness,
  introduce,
} from './harness';
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

describe('changing a program', () => {
  const read = async (id: string) => (await client(h.url, supervisor).get(`/programs/${id}`)).body;
  let adults: string;
  let person: ReturnType<typeof participantFacts>;
  beforeAll(async () => {
    adults = await createProgram(h, supervisor, {
      name: 'Adults Only',
      fundingSource: 'County',
      activeFrom: '2020-01-01',
      eligibilityCriteria: [{ fact: 'age', op: 'at_least', value: 18 }],
    });
    person = participantFacts(orgA, { birthDate: '1990-04-02' });
    await introduce(h, person);
    const enrolled = await client(h.url, worker).post('/enrollments', {
      programId: adults,
      headParticipantId: person.participantId,
      applicationDate: daysAgo(30),
    });
    expect(enrolled.status).toBe(201);
  });

  const eligibilityOf = async () => {
    const res = await client(h.url, worker).get(
      `/eligibility?participantId=${person.participantId}`,
    );
    return res.body.items.find((p: { programId: string }) => p.programId === adults).participant;
  };

  it('revises the criteria as data, and eligibility follows them', async () => {
    expect((await eligibilityOf()).status).toBe('eligible');
    const before = await read(adults);
    const res = await client(h.url, supervisor).patch(`/programs/${adults}`, {
      version: before.version,
      eligibilityCriteria: [{ fact: 'age', op: 'at_least', value: 65 }],
      grantNumber: 'CTY-7',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: before.version + 1,
      grantNumber: 'CTY-7',
      name: 'Adults Only',
    });
    expect(await eligibilityOf()).toMatchObject({
      status: 'ineligible',
      reasons: [{ fact: 'age', outcome: 'not_met', message: 'Age must be at least 65' }],
    });
  });

  it('answers each refused revision with its status and the fields at fault, and leaves the program as it was', async () => {
    const current = await read(adults);
    const cases: Array<[ReturnType<typeof testActor>, object, number, string[]]> = [
      [supervisor, { version: current.version - 1, name: 'Renamed' }, 409, ['version']],
      [worker, { version: current.version, name: 'Renamed' }, 403, []],
      [
        testActor({ roles: ['supervisor'] }),
        { version: current.version, name: 'Renamed' },
        404,
        [],
      ],
      [supervisor, { version: current.version, activeTo: daysAgo(40) }, 422, ['activeTo']],
      [supervisor, { version: current.version, activeFrom: daysAgo(10) }, 422, ['activeFrom']],
      [
        supervisor,
        { version: current.version, activeTo: '2019-12-31' },
        422,
        ['activeTo', 'activeTo'],
      ],
      [supervisor, { version: current.version, name: 'Open Workshop' }, 409, ['name']],
      [supervisor, { version: current.version, orgId: randomUUID() }, 400, ['orgId']],
    ];
    for (const [actor, body, status, fields] of cases) {
      const res = await client(h.url, actor).patch(`/programs/${adults}`, body);
      expect({ body, status: res.status, fields: fieldsOf(res.body) }).toEqual({
        body,
        status,
        fields,
      });
    }
    expect(await read(adults)).toEqual(current);
  });

  it('refuses an enrollment whose check ran before a program change that excludes it', async () => {
    const other = participantFacts(orgA, { firstName: 'Late' });
    await introduce(h, other);
    // A program change in progress: the row locked, the program ended ten days ago.
    const change = await h.pool.connect();
    await change.query('BEGIN');
    await change.query('SELECT 1 FROM programs WHERE id = $1 FOR UPDATE', [adults]);
    await change.query('UPDATE programs SET active_to = $2, version = version + 1 WHERE id = $1', [
      adults,
      daysAgo(10),
    ]);
    const pending = client(h.url, worker).post('/enrollments', {
      programId: adults,
      headParticipantId: other.participantId,
      applicationDate: daysAgo(2), // fine by the dates it checked against
    });
    await waitFor(
      async () =>
        (
          await h.pool.query(
            `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
          )
        ).rowCount,
      10_000,
      'the enrollment to wait for the program row',
    ).finally(() => change.query('COMMIT').finally(() => change.release()));
    const res = await pending;
    expect({ status: res.status, fields: fieldsOf(res.body) }).toEqual({
      status: 409,
      fields: ['applicationDate'],
    });
    const written = await h.pool.query(
      'SELECT count(*)::int AS n FROM enrollments WHERE head_participant_id = $1',
      [other.participantId],
    );
    expect(written.rows[0].n).toBe(0);
    await h.pool.query('UPDATE programs SET active_to = NULL WHERE id = $1', [adults]);
  });

  it('ends a program after its last application, and clears the end again with null', async () => {
    const current = await read(adults);
    const ended = await client(h.url, supervisor).patch(`/programs/${adults}`, {
      version: current.version,
      activeTo: daysAgo(1),
    });
    expect(ended.body).toMatchObject({ activeTo: daysAgo(1) });
    const listed = await client(h.url, worker).get(`/programs?activeOn=${daysAgo(0)}`);
    expect(listed.body.items.map((p: { id: string }) => p.id)).not.toContain(adults);
    const reopened = await client(h.url, supervisor).patch(`/programs/${adults}`, {
      version: ended.body.version,
      activeTo: null,
    });
    expect(reopened.body).toMatchObject({ activeTo: null, version: current.version + 2 });
  });
});
