import { randomUUID } from 'node:crypto';
import amqp from 'amqplib';
import { createPool, migrate, withTransaction, type Pool } from '@hearth/db';
import { ParticipantCreated, createEvent, type Envelope } from '@hearth/events';
import { brokerIsolation, createTestDatabase, rowCounts, testLogger } from '@hearth/testkit';
import { busMigrations, recordEvent } from '@hearth/bus';

export const logger = testLogger('bus');

/** A fresh database with the bus tables and an `effects` table a test consumer writes to. */
export async function busDatabase(label: string) {
  const db = await createTestDatabase(label);
  const pool = createPool(db.url, logger, { max: 20 });
  await migrate(pool, [busMigrations], logger);
  await pool.query('CREATE TABLE effects (event_id uuid NOT NULL, participant_id uuid NOT NULL)');
  return {
    pool,
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}

export function participantCreated(orgId = randomUUID()): Envelope {
  return createEvent(ParticipantCreated, {
    orgId,
    actor: { userId: randomUUID(), name: 'Test Worker' },
    requestId: `req-${randomUUID()}`,
    data: {
      participantId: randomUUID(),
      ownerOrgId: orgId,
      firstName: 'Amina',
      middleName: null,
      lastName: 'Odhiambo',
      birthDate: '1990-04-02',
      sex: 'female',
      securityRestriction: 'restrict_to_org',
    },
  });
}

export async function recordInTransaction(pool: Pool, events: Envelope[]): Promise<void> {
  await withTransaction(pool, async (tx) => {
    for (const event of events) await recordEvent(tx, event);
  });
}

export const effectCount = async (pool: Pool) => (await rowCounts(pool, ['effects'])).effects;
export const pendingCount = async (pool: Pool) =>
  Number((await pool.query('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL')).rows[0].n);

/** A raw AMQP channel, to publish what a misbehaving producer would and to look into queues. */
export async function rawChannel() {
  const connection = await amqp.connect(process.env.AMQP_URL!);
  const channel = await connection.createChannel();
  return { connection, channel };
}

/** An exchange and a queue of the test's own on the shared broker. */
export const names = () => {
  const { exchange, queuePrefix } = brokerIsolation('events');
  return { exchange, queue: `${queuePrefix}effects` };
};
