// Event latency: from the producer's COMMIT to the consumer's effect, at a sustained rate.
// Goal (issue #2): p95 ≤ 50 ms at 500 events/s for 30 s. Figures are printed, never asserted.
import { createRequire } from 'node:module';
import { percentiles, servers } from './common.mjs';

const require = createRequire(import.meta.url);
const { Broker, OutboxRelay, busMigrations, recordEvent, startConsumer } = require('@hearth/bus');
const { createPool, migrate, withTransaction } = require('@hearth/db');
const { createLogger } = require('@hearth/logging');
const { createTestDatabase } = require('@hearth/testkit');
const { ParticipantCreated, createEvent } = require('@hearth/events');
const { randomUUID } = require('node:crypto');

export async function benchEvents({ rate = 500, seconds = 30 } = {}) {
  const { amqpUrl } = await servers();
  const logger = createLogger({ service: 'bench', level: 'warn' });
  const db = await createTestDatabase('bench_events');
  const pool = createPool(db.url, logger, { max: 30 });
  await migrate(pool, [busMigrations], logger);
  await pool.query('CREATE TABLE effects (event_id uuid PRIMARY KEY)');
  const exchange = `bench.events.${randomUUID().slice(0, 8)}`;
  const queue = `bench-${randomUUID().slice(0, 8)}.effects`;
  const broker = new Broker(amqpUrl, logger, exchange);
  await broker.start();
  const committedAt = new Map();
  const latencies = [];
  await startConsumer(broker, pool, logger, {
    queue,
    eventTypes: [ParticipantCreated.type],
    prefetch: 20,
    handle: async (event, tx) => {
      await tx.query('INSERT INTO effects (event_id) VALUES ($1)', [event.id]);
      // measured at the end of the effect, just before its commit
      const start = committedAt.get(event.id);
      if (start !== undefined) latencies.push(performance.now() - start);
    },
  });
  const relay = new OutboxRelay(pool, broker, logger);
  relay.start();

  const orgId = randomUUID();
  const produce = async () => {
    const event = createEvent(ParticipantCreated, {
      orgId,
      actor: { userId: randomUUID(), name: 'Bench' },
      data: {
        participantId: randomUUID(),
        ownerOrgId: orgId,
        firstName: 'A',
        middleName: null,
        lastName: 'B',
        birthDate: '1990-01-01',
        sex: null,
        securityRestriction: 'restrict_to_org',
      },
    });
    await withTransaction(pool, (tx) => recordEvent(tx, event));
    committedAt.set(event.id, performance.now());
  };

  // One transaction per event, as separate requests would make them; paced every 10 ms.
  const total = rate * seconds;
  const perTick = rate / 100;
  const started = performance.now();
  let sent = 0;
  const inFlight = new Set();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 10) * perTick));
    while (sent < due) {
      const p = produce().finally(() => inFlight.delete(p));
      inFlight.add(p);
      sent += 1;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inFlight);
  const produceSeconds = (performance.now() - started) / 1000;
  const deadline = Date.now() + 30_000;
  const count = async (sql) => Number((await pool.query(sql)).rows[0].n);
  while ((await count('SELECT count(*) AS n FROM effects')) < total && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  // Counted in the tables, not from the latencies: an effect whose commit time was not yet noted
  // would otherwise look lost.
  const effects = await count('SELECT count(*) AS n FROM effects');
  const unsent = await count('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL');

  await relay.stop();
  await broker.close();
  await pool.end();
  await db.drop();
  return {
    events: total,
    effects,
    stillInOutbox: unsent,
    timed: latencies.length,
    achievedRate: Math.round(total / produceSeconds),
    ...percentiles(latencies),
  };
}
