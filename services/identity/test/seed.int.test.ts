import { createPool, migrate } from '@hearth/db';
import { createTestDatabase } from '@hearth/testkit';
import { identitySchema } from '../src/app';
import { demoLogins, seedDemo } from '../src/seed';
import { ensureSystemAdmin } from '../src/use-cases/ensure-system-admin';
import { logger, startIdentity, type Identity } from './harness';

let identity: Identity;
beforeAll(async () => {
  identity = await startIdentity('identity_seed'); // migrated and seeded once already
});
afterAll(() => identity?.close());

const counts = async () =>
  (
    await identity.pool.query(`SELECT
      (SELECT count(*) FROM organizations)::int AS organizations,
      (SELECT count(*) FROM users)::int AS users,
      (SELECT count(*) FROM memberships)::int AS memberships`)
  ).rows[0];

test('seeding again, even twice at once, changes nothing', async () => {
  const before = await counts();
  expect(before).toEqual({ organizations: 4, users: 9, memberships: 10 });
  await Promise.all([seedDemo(identity.pool), seedDemo(identity.pool)]);
  await seedDemo(identity.pool);
  expect(await counts()).toEqual(before);
});

test('every demo login signs in with its demo password', async () => {
  const northside = await identity.organizationId('Northside Rent Assistance Hub');
  for (const demo of demoLogins) {
    let answer = await identity.login(demo.email, demo.password);
    if (answer.status === 422) answer = await identity.login(demo.email, demo.password, northside);
    expect({ email: demo.email, status: answer.status }).toEqual({
      email: demo.email,
      status: 200,
    });
  }
  expect(demoLogins.map((d) => d.email)).toContain('multi@demo.example');
});

test('two migrators on one fresh database both succeed, and the schema exists once', async () => {
  const db = await createTestDatabase('identity_migrate');
  const pools = [createPool(db.url, logger), createPool(db.url, logger)];
  try {
    const applied = await Promise.all(pools.map((p) => migrate(p, identitySchema, logger)));
    expect(applied.sort()).toEqual([0, 4]); // the bus outbox, then identity's three
    const { rows } = await pools[0].query(
      `SELECT (SELECT count(*) FROM schema_migrations WHERE scope = 'identity')::int AS migrations,
              (SELECT count(*) FROM pg_tables WHERE tablename IN
                 ('organizations', 'users', 'memberships', 'login_failures'))::int AS tables`,
    );
    expect(rows[0]).toEqual({ migrations: 3, tables: 4 });
  } finally {
    await Promise.all(pools.map((p) => p.end()));
    await db.drop();
  }
});

test('the configured system admin is made at start, once, and keeps a password changed since', async () => {
  const settings = {
    email: 'hmis.lead@continuum.example',
    password: 'first-password-1',
    organization: 'Riverbend Continuum HMIS',
    timeZone: 'America/Denver',
  };
  await Promise.all([
    ensureSystemAdmin(identity.pool, settings),
    ensureSystemAdmin(identity.pool, settings),
  ]);
  await ensureSystemAdmin(identity.pool, { ...settings, password: 'another-password-2' });
  const login = await identity.login(settings.email, settings.password);
  expect(login.status).toBe(200);
  expect(login.body).toMatchObject({
    organization: { name: 'Riverbend Continuum HMIS' },
    roles: ['system_admin'],
  });
  expect((await identity.login(settings.email, 'another-password-2')).status).toBe(401);
});
