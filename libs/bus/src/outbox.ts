import { join } from 'node:path';
import type { MigrationSource, Queryable } from '@hearth/db';
import type { Envelope } from '@hearth/events';

/** The bus's own tables (outbox, processed_events); every service migrates them beside its own. */
export const busMigrations: MigrationSource = {
  scope: 'bus',
  dir: join(__dirname, '..', 'migrations'),
};

export const OUTBOX_CHANNEL = 'outbox';

/**
 * Record an event inside the caller's transaction. It is published only if that transaction
 * commits; NOTIFY (also delivered at commit) wakes the relay so it need not wait for its poll.
 */
export async function recordEvent(tx: Queryable, event: Envelope): Promise<void> {
  await tx.query('INSERT INTO outbox (id, routing_key, envelope) VALUES ($1, $2, $3)', [
    event.id,
    event.type,
    event,
  ]);
  await tx.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
}

/**
 * Many events of one change (a service for many participants, a batch of payments) in one insert,
 * one wake-up. The envelopes go as one JSON array: a jsonb[] parameter would be escaped element by
 * element into an array literal, the slowest part of a 5,000-event insert.
 */
export async function recordEvents(tx: Queryable, events: readonly Envelope[]): Promise<void> {
  if (!events.length) return;
  await tx.query(
    `INSERT INTO outbox (id, routing_key, envelope)
     SELECT (e->>'id')::uuid, e->>'type', e FROM jsonb_array_elements($1::jsonb) AS e`,
    [JSON.stringify(events)],
  );
  await tx.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
}
