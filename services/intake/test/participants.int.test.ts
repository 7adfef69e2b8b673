import { testActor } from '@hearth/testkit';
import { client, startIntake } from './harness';

/** Participants: every field, SSN never readable, history, optimistic updates, search filtered by access. */
let intake: Awaited<ReturnType<typeof startIntake>>;
const worker = testActor({ roles: ['caseworker'] });
const colleague = testActor({ orgId: worker.orgId, roles: ['supervisor'] });
const stranger = testActor({ roles: ['caseworker'] });
const admin = testActor({ orgId: worker.orgId, roles: ['admin'] });

beforeAll(async () => {
  intake = await startIntake();
});
afterAll(() => intake.close());

const amina = {
  firstName: 'Amina',
  middleName: 'Wanjiru',
  lastName: 'Odhiambo',
  birthDate: '1990-04-02',
  sex: 'female',
  ssn: '123-45-6789',
  alienNumber: 'A-012-345-678',
  email: 'amina@example.org',
  phones: [{ type: 'mobile', number: '+1 608 555 0100' }],
  addresses: [
    { type: 'home', line1: '12 Lake St', city: 'Madison', state: 'WI', postalCode: '53703' },
  ],
  race: ['black_african_american_african'],
  ethnicity: 'not_hispanic_latino',
  primaryLanguage: 'Swahili',
  immigration: { status: 'refugee', countryOfOrigin: 'KE', usArrivalDate: '2024-02-01' },
  confirmNew: true,
};

describe('participants', () => {
  it('stores every field and answers the SSN only as its last 4, never in events or history', async () => {
    const api = client(intake.url, worker);
    const created = await api.post('/participants', amina);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ssn: '6789',
      alienNumber: '12345678',
      immigration: amina.immigration,
      phones: amina.phones,
    });
    expect(JSON.stringify(created.body)).not.toMatch(/123-?45-?6789/);

    const { rows } = await intake.service.ctx.pool.query(
      'SELECT ssn_ciphertext, ssn_last4 FROM participants WHERE id = $1',
      [created.body.id],
    );
    expect(rows[0].ssn_ciphertext).not.toContain('6789');
    const outbox = await intake.service.ctx.pool.query('SELECT envelope::text AS e FROM outbox');
    const history = await intake.service.ctx.pool.query(
      'SELECT new_value::text AS v FROM participant_history',
    );
    for (const text of [...outbox.rows.map((r) => r.e), ...history.rows.map((r) => r.v)])
      expect(text).not.toMatch(/123-?45-?6789|123456789/);
  });

  it('answers a refused SSN as "refused" and rejects a malformed one without echoing it', async () => {
    const api = client(intake.url, worker);
    const refused = await api.post('/participants', {
      firstName: 'Bashir',
      lastName: 'Haidari',
      birthDate: '1985-11-30',
      sex: 'male',
      ssnRefused: true,
      confirmNew: true,
    });
    expect(refused.body.ssn).toBe('refused');
    const bad = await api.post('/participants', {
      firstName: 'Bashir',
      lastName: 'Haidari',
      birthDate: '1985-11-30',
      sex: 'male',
      ssn: '666-12-3456',
      confirmNew: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'ssn', message: expect.any(String) }]);
    expect(JSON.stringify(bad.body)).not.toContain('666');
    const both = await api.post('/participants', {
      firstName: 'B',
      lastName: 'H',
      birthDate: '1985-11-30',
      sex: 'male',
      ssn: '123-45-6789',
      ssnRefused: true,
    });
    expect(both.body.errors[0].field).toBe('ssnRefused');
  });

  it.each([
    ['a malformed alien number', { alienNumber: 'B12' }, 'alienNumber'],
    ['an unknown race', { race: ['martian'] }, 'race.0'],
    ['a bad address type', { addresses: [{ type: 'castle' }] }, 'addresses.0.type'],
    ['a missing sex', { sex: undefined }, 'sex'],
  ])('refuses %s with the field at fault and writes nothing', async (_label, change, field) => {
    const before = (
      await intake.service.ctx.pool.query('SELECT count(*)::int AS n FROM participants')
    ).rows[0].n;
    const res = await client(intake.url, worker).post('/participants', { ...amina, ...change });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(
      (await intake.service.ctx.pool.query('SELECT count(*)::int AS n FROM participants')).rows[0]
        .n,
    ).toBe(before);
  });

  it('keeps every change as history (who, when, which organization, old → new) and refuses a stale version', async () => {
    const api = client(intake.url, worker);
    const created = (
      await api.post('/participants', { ...amina, firstName: 'Zawadi', ssn: '234-56-7890' })
    ).body;
    const updated = await client(intake.url, colleague).patch(`/participants/${created.id}`, {
      version: 1,
      email: 'zawadi@example.org',
      ssn: '345-67-8901',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, email: 'zawadi@example.org', ssn: '8901' });

    const stale = await api.patch(`/participants/${created.id}`, {
      version: 1,
      primaryLanguage: 'English',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0].field).toBe('version');

    const history = (await api.get(`/participants/${created.id}/history`)).body.items;
    const email = history.find((h: { field: string }) => h.field === 'email');
    expect(email).toMatchObject({
      oldValue: 'amina@example.org',
      newValue: 'zawadi@example.org',
      changedBy: colleague.userId,
      organizationId: worker.orgId,
    });
    expect(history.find((h: { field: string }) => h.field === 'ssn')).toMatchObject({
      oldValue: '7890',
      newValue: '8901',
    });
    const events = await intake.service.ctx.pool.query(
      "SELECT count(*)::int AS n FROM outbox WHERE routing_key = 'intake.participant.updated'",
    );
    expect(events.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('finds participants by name prefix, birth date, SSN last 4 or alien number, only those the actor may see', async () => {
    const api = client(intake.url, worker);
    const found = await api.get('/participants?lastName=odhi&birthDate=1990-04-02');
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: { firstName: string }) => p.firstName)).toEqual(
      expect.arrayContaining(['Amina']),
    );
    expect((await api.get('/participants?ssnLast4=6789')).body.items).toHaveLength(1);
    expect(
      (await api.get('/participants?alienNumber=A012345678')).body.items.length,
    ).toBeGreaterThanOrEqual(1);
    expect(
      (await client(intake.url, stranger).get('/participants?lastName=odhiambo')).body.items,
    ).toEqual([]);
    expect((await api.get('/participants')).status).toBe(400);
  });

  it('pages through results with a cursor', async () => {
    const api = client(intake.url, worker);
    for (const firstName of ['Pat', 'Quinn', 'Riley']) {
      await api.post('/participants', {
        firstName,
        lastName: 'Pagewright',
        birthDate: '2000-01-01',
        sex: 'unknown',
        confirmNew: true,
      });
    }
    const first = await api.get('/participants?lastName=pagewright&limit=2');
    expect(first.body.items.map((p: { firstName: string }) => p.firstName)).toEqual([
      'Pat',
      'Quinn',
    ]);
    const second = await api.get(
      `/participants?lastName=pagewright&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toMatchObject({
      items: [expect.objectContaining({ firstName: 'Riley' })],
      nextCursor: null,
    });
    expect((await api.get('/participants?lastName=pagewright&cursor=bogus')).status).toBe(400);
  });

  it('when an admin, who may read no client data, searches their own organization, the page is empty and has no cursor', async () => {
    const api = client(intake.url, worker);
    for (const firstName of ['Ada', 'Bea']) {
      await api.post('/participants', {
        firstName,
        lastName: 'Cursorwell',
        birthDate: '2001-01-01',
        sex: 'unknown',
        confirmNew: true,
      });
    }
    const found = await client(intake.url, admin).get('/participants?lastName=cursorwell&limit=1');
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ items: [], nextCursor: null });
  });

  it('when another organization searches names it may not see, the page is empty and has no cursor', async () => {
    const api = client(intake.url, worker);
    for (const firstName of ['Cy', 'Dee']) {
      await api.post('/participants', {
        firstName,
        lastName: 'Hiddenwell',
        birthDate: '2001-01-01',
        sex: 'unknown',
        confirmNew: true,
      });
    }
    const found = await client(intake.url, stranger).get(
      '/participants?lastName=hiddenwell&limit=1',
    );
    expect(found.body).toEqual({ items: [], nextCursor: null });
  });
});
