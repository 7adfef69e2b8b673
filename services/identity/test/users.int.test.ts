import { mintToken, testActor } from '@hearth/testkit';
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

const newPassword = 'correct-horse-battery';

describe('users', () => {
  test("an admin creates a user in the admin's own organization, who can then log in", async () => {
    const created = await identity.call('POST', '/api/v1/users', {
      token: admin,
      body: {
        email: 'New.Coach@Lakeshore.example',
        name: 'Nia Coach',
        password: newPassword,
        roles: ['caseworker', 'supervisor', 'caseworker'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email: 'new.coach@lakeshore.example',
      name: 'Nia Coach',
      disabled: false,
      roles: ['caseworker', 'supervisor'],
    });
    const login = await identity.login('new.coach@lakeshore.example', newPassword);
    expect(login.status).toBe(200);
    expect(login.body.organization.name).toBe('Lakeshore Refugee Resettlement');
    expect(login.body.roles).toEqual(['caseworker', 'supervisor']);
  });

  test('a new user needs a valid email, a 12-200 character password and known roles', async () => {
    const post = (body: object) => identity.call('POST', '/api/v1/users', { token: admin, body });
    const valid = {
      email: 'x@lakeshore.example',
      name: 'X',
      password: newPassword,
      roles: ['admin'],
    };
    const cases: Array<[object, string]> = [
      [{ ...valid, password: 'short-pw' }, 'password'],
      [{ ...valid, password: 'p'.repeat(201) }, 'password'],
      [{ ...valid, email: 'not-an-email' }, 'email'],
      [{ ...valid, roles: ['janitor'] }, 'roles.0'],
      [{ ...valid, roles: [] }, 'roles'],
      [{ ...valid, isAdmin: true }, 'isAdmin'],
    ];
    for (const [body, field] of cases) {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const noPassword = await post({ ...valid, password: undefined });
    expect(noPassword.status).toBe(422);
    expect(noPassword.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  test("an existing user joins another admin's organization with roles of its own", async () => {
    const metro = await identity.organizationId('Metro Coordinated Entry');
    const metroAdmin = mintToken(testActor({ orgId: metro, roles: ['admin'] }));
    const body = {
      email: 'hub_staff@northside-hub.example',
      name: 'Harper Hub',
      roles: ['ce_manager'],
    };
    const withPassword = await identity.call('POST', '/api/v1/users', {
      token: metroAdmin,
      body: { ...body, password: newPassword },
    });
    expect(withPassword.status).toBe(409);
    expect(withPassword.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);

    const joined = await identity.call('POST', '/api/v1/users', { token: metroAdmin, body });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ email: body.email, roles: ['ce_manager'] });
    const again = await identity.call('POST', '/api/v1/users', { token: metroAdmin, body });
    expect(again.status).toBe(409);

    const choose = await identity.login(body.email);
    expect(choose.status).toBe(422);
    expect(choose.body.organizations.map((o: { name: string }) => o.name)).toEqual([
      'Metro Coordinated Entry',
      'Northside Rent Assistance Hub',
    ]);
    const atMetro = await identity.login(body.email, undefined, metro);
    expect(atMetro.body.roles).toEqual(['ce_manager']);
  });

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
      'multi@demo.example',
      'new.coach@lakeshore.example',
      'supervisor@lakeshore.example',
    ]);
    expect(users.find((u: { email: string }) => u.email === 'multi@demo.example').roles).toEqual([
      'caseworker',
    ]);
    expect((await identity.call('GET', '/api/v1/users', { token: caseworker })).status).toBe(403);
    const asCaseworker = await identity.call('POST', '/api/v1/users', {
      token: caseworker,
      body: { email: 'y@lakeshore.example', name: 'Y', password: newPassword, roles: ['admin'] },
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
  expect(identity.transcript.length).toBeGreaterThan(20);
  expect(identity.transcript.join('\n')).not.toMatch(/argon2|password_?hash/i);
});
