import { OrganizationCreated, OrganizationUpdated, UserCreated, UserUpdated } from '@hearth/events';
import { outboxEvents } from '@hearth/testkit';
import { seedDemo } from '../src/seed';
import { startIdentity, type Identity } from './harness';

let identity: Identity;
let lakeshore: string;
let metro: string;
let systemAdmin: string;
let lakeshoreAdmin: string;
let lakeshoreSupervisor: string;
beforeAll(async () => {
  identity = await startIdentity('identity_announcements');
  lakeshore = await identity.organizationId('Lakeshore Refugee Resettlement');
  metro = await identity.organizationId('Metro Coordinated Entry');
  systemAdmin = await identity.tokenFor('system_admin@hmis-lead.example');
  lakeshoreAdmin = await identity.tokenFor('admin@lakeshore.example');
  lakeshoreSupervisor = await identity.tokenFor('supervisor@lakeshore.example');
});
afterAll(() => identity?.close());

const orgEvents = async (organizationId: string) =>
  [
    ...(await outboxEvents(identity.pool, OrganizationCreated)),
    ...(await outboxEvents(identity.pool, OrganizationUpdated)),
  ].filter((e) => e.data.organizationId === organizationId);
const userEvents = async (userId: string) =>
  [
    ...(await outboxEvents(identity.pool, UserCreated)),
    ...(await outboxEvents(identity.pool, UserUpdated)),
  ]
    .filter((e) => e.data.userId === userId)
    .sort((a, b) => a.data.version - b.data.version);
const patchTimeZone = (token: string, id: string, timeZone: unknown) =>
  identity.call('PATCH', `/api/v1/organizations/${id}`, { token, body: { timeZone } });

describe('what identity makes at start is announced once', () => {
  test('the HMIS lead, the demo agencies and every membership: 4 organizations, 10 users', async () => {
    const orgs = await outboxEvents(identity.pool, OrganizationCreated);
    expect(orgs.map((e) => e.data.name).sort()).toEqual([
      'Lakeshore Refugee Resettlement',
      'Metro Continuum HMIS Lead',
      'Metro Coordinated Entry',
      'Northside Rent Assistance Hub',
    ]);
    expect(orgs.every((e) => e.data.timeZone === 'America/Chicago')).toBe(true);
    expect(orgs.every((e) => e.orgId === e.data.organizationId)).toBe(true);
    // system admin 1 + seven one-role demo users + Morgan Multi at two agencies
    const users = await outboxEvents(identity.pool, UserCreated);
    expect(users).toHaveLength(10);
    const multi = users.filter((e) => e.data.name === 'Morgan Multi');
    expect(multi.map((e) => [e.orgId === e.data.orgId, e.data.roles, e.data.active])).toEqual([
      [true, ['caseworker'], true],
      [true, ['hub_staff'], true],
    ]);
    expect(multi[0].actor).toEqual({ userId: null, name: 'identity' });
  });

  test('seeding again announces nothing more', async () => {
    const before = (await outboxEvents(identity.pool)).length;
    await seedDemo(identity.pool);
    expect((await outboxEvents(identity.pool)).length).toBe(before);
  });
});

describe('organizations', () => {
  test('a registered organization is announced in the time zone it names, else America/Chicago', async () => {
    const named = await identity.call('POST', '/api/v1/organizations', {
      token: systemAdmin,
      body: { name: 'Mountain Workforce', kind: 'workforce', timeZone: 'America/Denver' },
    });
    const unnamed = await identity.call('POST', '/api/v1/organizations', {
      token: systemAdmin,
      body: { name: 'Prairie Housing', kind: 'other' },
    });
    expect([named.status, unnamed.status]).toEqual([201, 201]);
    expect(named.body.timeZone).toBe('America/Denver');
    expect(unnamed.body.timeZone).toBe('America/Chicago');
    const [event] = await orgEvents(named.body.id);
    expect(event).toMatchObject({
      type: 'identity.organization.created',
      orgId: named.body.id,
      actor: { name: 'HMIS Lead Administrator' },
      data: { name: 'Mountain Workforce', kind: 'workforce', timeZone: 'America/Denver' },
    });
  });

  test('a name already taken registers nothing and announces nothing', async () => {
    const before = (await outboxEvents(identity.pool, OrganizationCreated)).length;
    const taken = await identity.call('POST', '/api/v1/organizations', {
      token: systemAdmin,
      body: { name: 'LAKESHORE refugee resettlement', kind: 'other' },
    });
    expect(taken.status).toBe(409);
    expect((await outboxEvents(identity.pool, OrganizationCreated)).length).toBe(before);
  });

  test("the organization's supervisor changes its time zone: updated, with a higher version", async () => {
    const changed = await patchTimeZone(lakeshoreSupervisor, lakeshore, 'America/New_York');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: lakeshore, timeZone: 'America/New_York' });
    const [created, updated] = await orgEvents(lakeshore);
    expect(updated).toMatchObject({
      type: 'identity.organization.updated',
      actor: { name: 'Sam Supervisor' },
      data: { timeZone: 'America/New_York' },
    });
    expect(updated.data.version).toBeGreaterThan(created.data.version);
    const read = await identity.call('GET', `/api/v1/organizations/${lakeshore}`, {
      token: lakeshoreAdmin,
    });
    expect(read.body.timeZone).toBe('America/New_York');
  });

  test('the HMIS lead changes any organization; an unknown one is 404', async () => {
    expect((await patchTimeZone(systemAdmin, metro, 'America/Chicago')).status).toBe(200);
    const unknown = await patchTimeZone(systemAdmin, '00000000-0000-4000-8000-000000000000', 'UTC');
    expect(unknown.status).toBe(404);
  });

  test("another organization's supervisor, an admin and a caseworker may not (403), nothing announced", async () => {
    const before = await orgEvents(metro);
    const caseworker = await identity.tokenFor('caseworker@lakeshore.example');
    expect((await patchTimeZone(lakeshoreSupervisor, metro, 'UTC')).status).toBe(403);
    expect((await patchTimeZone(lakeshoreAdmin, lakeshore, 'UTC')).status).toBe(403);
    expect((await patchTimeZone(caseworker, lakeshore, 'UTC')).status).toBe(403);
    expect(await orgEvents(metro)).toEqual(before);
  });

  test.each([['CST'], ['+05:00'], ['Mars/Olympus_Mons'], [''], [42]])(
    'a time zone %j that is no IANA name is a 400 naming timeZone',
    async (timeZone) => {
      const refused = await patchTimeZone(lakeshoreSupervisor, lakeshore, timeZone);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'timeZone' })]);
    },
  );
});

describe('users', () => {
  const invite = (email: string, roles: string[]) =>
    identity.call('POST', '/api/v1/users/invitations', {
      token: lakeshoreAdmin,
      body: { email, roles },
    });

  test('accepting an invitation announces the user created in that organization, with its roles', async () => {
    await invite('new.entry@lakeshore.example', ['data_entry']);
    const token = identity.inbox.filter((m) => m.email === 'new.entry@lakeshore.example').at(-1)!;
    const accepted = await identity.call('POST', '/api/v1/auth/invitations/accept', {
      body: { token: token.token, name: 'Dana Entry', password: 'a-long-new-password' },
    });
    expect(accepted.status).toBe(201);
    const [created] = await userEvents(accepted.body.userId);
    expect(created).toMatchObject({
      type: 'identity.user.created',
      orgId: lakeshore,
      data: { orgId: lakeshore, name: 'Dana Entry', roles: ['data_entry'], active: true },
    });
  });

  test('a signed-in user accepting joins a second organization: created there, the first untouched', async () => {
    await invite('hub_staff@northside-hub.example', ['caseworker']);
    const hub = await identity.tokenFor('hub_staff@northside-hub.example');
    const pending = await identity.call('GET', '/api/v1/users/me/invitations', { token: hub });
    const accepted = await identity.call(
      'POST',
      `/api/v1/users/me/invitations/${pending.body.items[0].id}/accept`,
      { token: hub },
    );
    expect(accepted.status).toBe(200);
    const events = await userEvents(accepted.body.userId);
    expect(events.map((e) => [e.type, e.data.orgId === lakeshore, e.data.roles])).toEqual([
      ['identity.user.created', false, ['hub_staff']],
      ['identity.user.created', true, ['caseworker']],
    ]);
  });

  test('a user removed from the organization is announced updated: inactive there, no roles', async () => {
    const { rows } = await identity.pool.query(
      "SELECT id FROM users WHERE email = 'contract_manager@lakeshore.example'",
    );
    const removed = await identity.call('DELETE', `/api/v1/users/${rows[0].id}`, {
      token: lakeshoreAdmin,
    });
    expect(removed.status).toBe(204);
    const [created, updated] = await userEvents(rows[0].id);
    expect(updated).toMatchObject({
      type: 'identity.user.updated',
      orgId: lakeshore,
      actor: { name: 'Avery Admin' },
      data: { name: 'Chris Contracts', roles: [], active: false },
    });
    expect(updated.data.version).toBeGreaterThan(created.data.version);
    const again = await identity.call('DELETE', `/api/v1/users/${rows[0].id}`, {
      token: lakeshoreAdmin,
    });
    expect(again.status).toBe(404);
    expect(await userEvents(rows[0].id)).toHaveLength(2);
  });
});
