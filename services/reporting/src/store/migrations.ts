import type { Queryable } from '@hearth/db';

/** The names of this service's migrations that ran, in order (libs/db keeps them per scope). */
export async function appliedMigrations(db: Queryable, scope: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    'SELECT name FROM schema_migrations WHERE scope = $1 ORDER BY version',
    [scope],
  );
  return rows.map((row) => row.name);
}
