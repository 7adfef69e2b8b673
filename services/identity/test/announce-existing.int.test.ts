import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busMigrations } from '@hearth/bus';
import { createPool, migrate } from '@hearth/db';
import { OrganizationCreated, UserCreated, parseEvent } from '@hearth/events';
import { createTestDatabase, outboxEvents } from '@hearth/testkit';
import { identityMigrations, identitySchema } from '../src/app';
import { logger } from './harness';

test('organizations and users made before identity published are announced once by the migration', async () => {
  const db = await createTestDatabase('identity_announce_existing');
  const pool = createPool(db.url, logger);
  const before = await mkdtemp(join(tmpdir(), 'identity-before-'));
  try {
    // identity as it was: its first two migrations, an agency and a member
    for (const file of ['001_identity.sql', '002_invitations_system_admin_throttle.sql'])
      await cp(join(identityMigrations.dir, file), join(before, file));
    await migrate(pool, [busMigrations, { scope: 'identity', dir: before }], logger);
    await pool.query(`INSERT INTO organizations (id, name, kind)
      VALUES ('11111111-1111-4111-8111-111111111111', 'Old Agency', 'other')`);
    await pool.query(`INSERT INTO users (id, email, name, password_hash)
      VALUES ('22222222-2222-4222-8222-222222222222', 'old@agency.example', 'Olga Old', 'x')`);
    await pool.query(`INSERT INTO memberships (user_id, org_id, roles) VALUES
      ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111',
       ARRAY['caseworker', 'supervisor'])`);

    await migrate(pool, identitySchema, logger);
    await migrate(pool, identitySchema, logger); // once: a migration runs one time

    const [org] = await outboxEvents(pool, OrganizationCreated);
    const [user] = await outboxEvents(pool, UserCreated);
    expect((await outboxEvents(pool)).length).toBe(2);
    // consumers parse them with the catalog's schemas: they must pass as any produced event does
    expect(parseEvent(org)).toMatchObject({
      orgId: '11111111-1111-4111-8111-111111111111',
      data: { name: 'Old Agency', kind: 'other', timeZone: 'America/Chicago', version: 1 },
    });
    expect(parseEvent(user)).toMatchObject({
      orgId: '11111111-1111-4111-8111-111111111111',
      data: {
        userId: '22222222-2222-4222-8222-222222222222',
        name: 'Olga Old',
        roles: ['caseworker', 'supervisor'],
        active: true,
        version: 2,
      },
    });
  } finally {
    await rm(before, { recursive: true, force: true });
    await pool.end();
    await db.drop();
  }
});
