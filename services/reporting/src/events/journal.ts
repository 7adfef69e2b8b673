import type { ConsumerOptions } from '@hearth/bus';
import type { PoolClient } from 'pg';
import { withTransaction, type Pool } from '@hearth/db';
import { parseEvent, type Envelope } from '@hearth/events';

/**
 * Every event a consumer of the read model applies is first written to event_journal, in the same
 * transaction as its effect; a repeated delivery is already there and is applied again harmlessly
 * (every write keeps only a newer snapshot). The journal is what a rebuild replays.
 */
export function journaled(consumer: ConsumerOptions): ConsumerOptions {
  return {
    ...consumer,
    handle: async (event, tx) => {
      await tx.query(
        `INSERT INTO event_journal (event_id, queue, envelope) VALUES ($1, $2, $3)
         ON CONFLICT (event_id, queue) DO NOTHING`,
        [event.id, consumer.queue, JSON.stringify(event)],
      );
      await consumer.handle(event, tx);
    },
  };
}

/** The tables the journal feeds: emptied, then filled again by the replay. */
export const READ_MODEL_TABLES = [
  'hmis_clients',
  'hmis_enrollments',
  'hmis_projects',
  'hmis_exits',
  'hmis_services',
  'hmis_assessments',
  'hmis_directory_stamps',
  'sharing_facts',
  'organizations',
  'org_users',
  'family_fact_members',
  'family_facts',
  'person_link_facts',
  'wf_employments',
  'wf_confirmations',
  'wf_credentials',
  'ra_payments',
  'ra_outcomes',
  'ra_pre_program_exits',
  'suspected_pairs',
] as const;

const BATCH = 500;

/**
 * Rebuilds the read model from scratch: empties its tables and replays every journaled event, in
 * the order it arrived, through the consumer that first applied it. One transaction, so readers
 * see the old model or the new one, never half of one. Answers how many events were replayed.
 */
export async function rebuildReadModel(pool: Pool, consumers: ConsumerOptions[]): Promise<number> {
  const byQueue = new Map(consumers.map((c) => [c.queue, c]));
  return withTransaction(pool, async (tx: PoolClient) => {
    await tx.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`);
    let after = 0;
    let replayed = 0;
    for (;;) {
      const { rows } = await tx.query<{ seq: string; queue: string; envelope: unknown }>(
        'SELECT seq, queue, envelope FROM event_journal WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, BATCH],
      );
      for (const row of rows) {
        const consumer = byQueue.get(row.queue);
        if (!consumer) throw new Error(`No consumer for journaled queue ${row.queue}`);
        await consumer.handle(parseEvent(row.envelope) as Envelope, tx);
        replayed++;
      }
      if (rows.length < BATCH) return replayed;
      after = Number(rows[rows.length - 1]!.seq);
    }
  });
}
