import { startIdentity, type Identity } from './harness';

let identity: Identity;
let admin: string;
let caseworker: string;
beforeAll(async () => {
  identity = await startIdentity('identity_users');
  admin = await identity.tokenFor('admin@lakeshore.example');
  caseworker = await identity.tokenFor('caseworker@lakeshore.example');
});
afterAll(() => identity?.close());

describe('users', () => {
  test("an admin lists the own organization's users with their roles there; others may not", async () => {
    const first = await identity.call('GET', '/api/v1/users?limit=3', { token: admin });
    expect(first.status).toBe(200);
    const rest = await identity.call('GET', `/api/v1/users?cursor=${first.body.nextCursor}`, {
      token: admin,
    });
    const users = [...first.body.items, ...rest.body.items];
    expect(users.map((u: { email: string }) => u.email)).toEqual([
      'admin@lakeshore.example',
      'caseworker@lakeshore.example',
      'contract_manager@lakeshore.example',
      'data_entry@lakeshore.example',
      'multi@demo.example',
      'supervisor@lakeshore.example',
    ]);
    expect(users.find((u: { email: string }) => u.email === 'multi@demo.example').roles).toEqual([
      'caseworker',
    ]);
    expect((await identity.call('GET', '/api/v1/users', { token: caseworker })).status).toBe(403);
    const asCaseworker = await identity.call('POST', '/api/v1/users/invitations', {
      token: caseworker,
      body: { email: 'y@lakeshore.example', roles: ['admin'] },
    });
    expect(asCaseworker.status).toBe(403);
  });

  test('anyone reads their own profile with every organization they belong to', async () => {
    const token = await identity.tokenFor(
      'multi@demo.example',
      await identity.organizationId('Northside Rent Assistance Hub'),
    );
    const me = await identity.call('GET', '/api/v1/users/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: 'multi@demo.example',
      currentOrganizationId: await identity.organizationId('Northside Rent Assistance Hub'),
    });
    expect(me.body.organizations).toEqual([
      expect.objectContaining({
        organizationName: 'Lakeshore Refugee Resettlement',
        roles: ['caseworker'],
      }),
      expect.objectContaining({
        organizationName: 'Northside Rent Assistance Hub',
        roles: ['hub_staff'],
      }),
    ]);
  });
});

test('no answer ever carries a password hash', () => {
  expect(identity.transcript.length).toBeGreaterThan(5);
  expect(identity.transcript.join('\n')).not.toMatch(/argon2|password_?hash/i);
});
