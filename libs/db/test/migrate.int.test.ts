import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool, migrate, withTransaction, type Pool } from '@hearth/db';
import { createTestDatabase, testLogger } from '@hearth/testkit';

const logger = testLogger('db');
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pools: Pool[];

beforeEach(async () => {
  db = await createTestDatabase('migrate');
  pools = [createPool(db.url, logger), createPool(db.url, logger)];
});
afterEach(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await db.drop();
});

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('migrations', () => {
  it('applies numbered files once, in order, even when two instances start at the same moment', async () => {
    const dir = migrationsDir({
      '001_things.sql': 'CREATE TABLE things (id int PRIMARY KEY);',
      '002_more.sql':
        'ALTER TABLE things ADD COLUMN name text; INSERT INTO things VALUES (1, $$one$$);',
    });
    const applied = await Promise.all(
      pools.map((pool) => migrate(pool, [{ scope: 'svc', dir }], logger)),
    );
    expect(applied.sort()).toEqual([0, 2]);
    expect((await pools[0].query('SELECT * FROM things')).rows).toEqual([{ id: 1, name: 'one' }]);
    expect(await migrate(pools[0], [{ scope: 'svc', dir }], logger)).toBe(0);
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const dir = migrationsDir({ '001_things.sql': 'CREATE TABLE things (id int);' });
    await migrate(pools[0], [{ scope: 'svc', dir }], logger);
    writeFileSync(join(dir, '001_things.sql'), 'CREATE TABLE things (id bigint);');
    await expect(migrate(pools[0], [{ scope: 'svc', dir }], logger)).rejects.toThrow(
      /changed after it was applied/,
    );
  });

  it('rolls back a failing migration completely and names it', async () => {
    const dir = migrationsDir({
      '001_bad.sql': 'CREATE TABLE half (id int); SELECT no_such_function();',
    });
    await expect(migrate(pools[0], [{ scope: 'svc', dir }], logger)).rejects.toThrow(
      /svc\/001_bad.sql failed/,
    );
    const { rows } = await pools[0].query("SELECT to_regclass('half') AS t");
    expect(rows[0].t).toBeNull();
  });

  it('commits a transaction as a whole or not at all, and keeps dates as plain dates', async () => {
    await pools[0].query('CREATE TABLE visits (on_date date NOT NULL)');
    await expect(
      withTransaction(pools[0], async (tx) => {
        await tx.query("INSERT INTO visits VALUES ('2026-03-01')");
        throw new Error('second write failed');
      }),
    ).rejects.toThrow('second write failed');
    expect((await pools[0].query('SELECT count(*) AS n FROM visits')).rows[0].n).toBe(0);
    await withTransaction(pools[0], (tx) => tx.query("INSERT INTO visits VALUES ('2026-03-01')"));
    expect((await pools[0].query('SELECT on_date FROM visits')).rows[0].on_date).toBe('2026-03-01');
  });
});
