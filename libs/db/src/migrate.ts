import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@hearth/logging';
import type { Pool } from './pool';

/** A folder of numbered SQL files (`001_participants.sql`), tracked under its own scope. */
export interface MigrationSource {
  scope: string;
  dir: string;
}

// One bigint advisory lock per database serializes migrators; named locks (advisory-lock.ts) use
// the two-int key space, which Postgres keeps apart from this one.
const LOCK_KEY = 724_311;

/**
 * Forward-only migrations. Several instances may start at once: an advisory lock lets one apply
 * while the others wait, then find nothing left to do. An applied file that was edited afterwards
 * stops the start, because the database no longer matches the code.
 */
export async function migrate(
  pool: Pool,
  sources: MigrationSource[],
  logger: Logger,
): Promise<number> {
  const client = await pool.connect();
  let applied = 0;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      scope text NOT NULL, version integer NOT NULL, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (scope, version))`);
    for (const source of sources) {
      const done = new Map<number, string>(
        (
          await client.query('SELECT version, checksum FROM schema_migrations WHERE scope = $1', [
            source.scope,
          ])
        ).rows.map((r) => [r.version, r.checksum]),
      );
      for (const file of await migrationFiles(source.dir)) {
        const sql = await readFile(join(source.dir, file.name), 'utf8');
        const checksum = createHash('sha256').update(sql).digest('hex');
        const previous = done.get(file.version);
        if (previous !== undefined) {
          if (previous !== checksum) {
            throw new Error(
              `Migration ${source.scope}/${file.name} was changed after it was applied; add a new migration instead.`,
            );
          }
          continue;
        }
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query(
            'INSERT INTO schema_migrations (scope, version, name, checksum) VALUES ($1, $2, $3, $4)',
            [source.scope, file.version, file.name, checksum],
          );
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(
            `Migration ${source.scope}/${file.name} failed: ${(err as Error).message}`,
          );
        }
        applied += 1;
        logger.info({ scope: source.scope, migration: file.name }, 'migration applied');
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return applied;
}

async function migrationFiles(dir: string) {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  return names.map((name) => {
    const match = /^(\d+)_[\w-]+\.sql$/.exec(name);
    if (!match)
      throw new Error(`Migration file ${name} in ${dir} must be named NNN_description.sql`);
    return { name, version: Number(match[1]) };
  });
}
