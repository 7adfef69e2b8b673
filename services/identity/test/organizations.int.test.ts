import { startIdentity, type Identity } from './harness';

let identity: Identity;
let systemAdmin: string;
let agencyAdmin: string;
let caseworker: string;
beforeAll(async () => {
  identity = await startIdentity('identity_orgs');
  systemAdmin = await identity.tokenFor('system_admin@hmis-lead.example');
  agencyAdmin = await identity.tokenFor('admin@lakeshore.example');
  caseworker = await identity.tokenFor('caseworker@lakeshore.example');
});
afterAll(() => identity?.close());

describe('organizations', () => {
  test("the HMIS lead's system admin registers one; anyone signed in reads and lists them", async () => {
    const created = await identity.call('POST', '/api/v1/organizations', {
      token: systemAdmin,
      body: { name: '  Eastside Workforce Board ', kind: 'workforce' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Eastside Workforce Board', kind: 'workforce' });
    expect(created.headers.get('location')).toBe(`/api/v1/organizations/${created.body.id}`);

    const read = await identity.call('GET', `/api/v1/organizations/${created.body.id}`, {
      token: caseworker,
    });
    expect(read.body).toEqual(created.body);

    const first = await identity.call('GET', '/api/v1/organizations?limit=2', {
      token: caseworker,
    });
    expect(first.body.items.map((o: { name: string }) => o.name)).toEqual([
      'Eastside Workforce Board',
      'Lakeshore Refugee Resettlement',
    ]);
    const rest = await identity.call(
      'GET',
      `/api/v1/organizations?limit=2&cursor=${first.body.nextCursor}`,
      { token: caseworker },
    );
    expect(rest.body.items.map((o: { name: string }) => o.name)).toEqual([
      'Metro Continuum HMIS Lead',
      'Metro Coordinated Entry',
    ]);
  });

  test('a name taken in any letter case is a 409', async () => {
    const duplicate = await identity.call('POST', '/api/v1/organizations', {
      token: systemAdmin,
      body: { name: 'METRO coordinated entry', kind: 'other' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  test("an agency's own admin may not register one (403): agencies are the HMIS lead's to add", async () => {
    const asAgencyAdmin = await identity.call('POST', '/api/v1/organizations', {
      token: agencyAdmin,
      body: { name: 'Self-Made Agency', kind: 'other' },
    });
    expect(asAgencyAdmin.status).toBe(403);
  });

  test('a caseworker may not register one (403); nobody may without a token (401)', async () => {
    const body = { name: 'Shadow Agency', kind: 'other' };
    const asCaseworker = await identity.call('POST', '/api/v1/organizations', {
      token: caseworker,
      body,
    });
    expect(asCaseworker.status).toBe(403);
    expect((await identity.call('POST', '/api/v1/organizations', { body })).status).toBe(401);
    expect((await identity.call('GET', '/api/v1/organizations')).status).toBe(401);
  });

  test('bad input is a 400 naming the field', async () => {
    const extra = await identity.call('POST', '/api/v1/organizations', {
      token: systemAdmin,
      body: { name: 'Extra Agency', kind: 'other', budget: 5 },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.errors).toEqual([expect.objectContaining({ field: 'budget' })]);
    const kind = await identity.call('POST', '/api/v1/organizations', {
      token: systemAdmin,
      body: { name: 'Kind Agency', kind: 'charity' },
    });
    expect(kind.body.errors).toEqual([expect.objectContaining({ field: 'kind' })]);
    const id = await identity.call('GET', '/api/v1/organizations/42', { token: systemAdmin });
    expect(id.status).toBe(400);
  });
});

test('no answer ever carries a password hash', () => {
  expect(identity.transcript.length).toBeGreaterThan(10);
  expect(identity.transcript.join('\n')).not.toMatch(/argon2|password_?hash/i);
});
