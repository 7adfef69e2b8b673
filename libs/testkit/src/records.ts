import type { Envelope, EventDefinition } from '@hearth/events';
import type { Pool } from 'pg';
import type { z } from 'zod';

/** The events a service recorded in its outbox, oldest first: of one definition, or all. */
export async function outboxEvents<S extends z.ZodType>(
  pool: Pool,
  definition: EventDefinition<S>,
): Promise<Array<Envelope<z.infer<S>>>>;
export async function outboxEvents(pool: Pool): Promise<Envelope[]>;
export async function outboxEvents(pool: Pool, definition?: EventDefinition): Promise<Envelope[]> {
  const { rows } = await pool.query<{ envelope: Envelope }>(
    'SELECT envelope FROM outbox WHERE $1::text IS NULL OR routing_key = $1 ORDER BY seq',
    [definition?.type ?? null],
  );
  return rows.map((r) => r.envelope);
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * The number of rows in each named table, by table name: taken before and after a rejected
 * request, it proves the request left nothing behind.
 */
export async function rowCounts(pool: Pool, tables: string[]): Promise<Record<string, number>> {
  // names go into the SQL text (a table cannot be a parameter), so only plain identifiers pass
  const unsafe = tables.filter((t) => !TABLE_NAME.test(t));
  if (unsafe.length)
    throw new Error(`rowCounts takes plain table names, not: ${unsafe.join(', ')}`);
  if (!tables.length) return {};
  const columns = tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS "${t}"`).join(', ');
  const { rows } = await pool.query<Record<string, number>>(`SELECT ${columns}`);
  return rows[0];
}
