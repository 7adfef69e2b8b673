import { ParticipantAccessed, type Envelope, type EventDefinition } from '@hearth/events';
import type { Pool } from 'pg';
import type { z } from 'zod';

/** The events a service recorded in its outbox, oldest first: of one definition, or all (but the audit announcements). */
export async function outboxEvents<S extends z.ZodType>(
  pool: Pool,
  definition: EventDefinition<S>,
): Promise<Array<Envelope<z.infer<S>>>>;
export async function outboxEvents(pool: Pool): Promise<Envelope[]>;
export async function outboxEvents(pool: Pool, definition?: EventDefinition): Promise<Envelope[]> {
  const { rows } = await pool.query<{ envelope: Envelope }>(
    `SELECT envelope FROM outbox
     WHERE ($1::text IS NULL AND routing_key <> $2) OR routing_key = $1 ORDER BY seq`,
    [definition?.type ?? null, AUDIT_ANNOUNCEMENT],
  );
  return rows.map((r) => r.envelope);
}

/**
 * The gate's announcements for the audit trail (libs/access) are written after each answer, read
 * or not, so they are no part of what a change wrote: the counts and lists below leave them out
 * (ask outboxEvents for ParticipantAccessed to see them).
 */
const AUDIT_ANNOUNCEMENT = ParticipantAccessed.type;

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
  const columns = tables
    .map((t) =>
      t === 'outbox'
        ? `(SELECT count(*)::int FROM outbox WHERE routing_key <> '${AUDIT_ANNOUNCEMENT}') AS "outbox"`
        : `(SELECT count(*)::int FROM ${t}) AS "${t}"`,
    )
    .join(', ');
  const { rows } = await pool.query<Record<string, number>>(`SELECT ${columns}`);
  return rows[0];
}
