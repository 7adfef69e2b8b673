import { Registry } from 'prom-client';
import {
  Broker,
  OutboxRelay,
  deadLetterGauge,
  deadLetterReadiness,
  parkedCount,
  replayParked,
  startConsumer,
} from '@hearth/bus';
import type { Envelope } from '@hearth/events';
import type { PoolClient } from '@hearth/db';
import { waitFor } from '@hearth/testkit';
import {
  busDatabase,
  effectCount,
  logger,
  names,
  participantCreated,
  rawChannel,
  recordInTransaction,
} from './harness';

describe('parked messages', () => {
  let db: Awaited<ReturnType<typeof busDatabase>>;
  let raw: Awaited<ReturnType<typeof rawChannel>>;
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeEach(async () => {
    db = await busDatabase('dead-letters');
    raw = await rawChannel();
  });
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
    await raw.connection.close();
    await db.close();
  });

  /**
   * A consumer whose effect fails while `outage.on` (and, with `failFirstTry`, on each event's
   * first try after it), parking each event after two attempts.
   */
  async function system() {
    const { exchange, queue } = names();
    const outage = { on: true, failFirstTry: false };
    const tried = new Set<string>();
    const broker = new Broker(process.env.AMQP_URL!, logger, exchange);
    await broker.start();
    const relay = new OutboxRelay(db.pool, broker, logger, { pollMs: 200 });
    cleanup.push(
      () => broker.close(),
      () => relay.stop(),
      () => raw.channel.deleteExchange(exchange),
      () => raw.channel.deleteQueue(queue),
      () => raw.channel.deleteQueue(`${queue}.retry`),
      () => raw.channel.deleteQueue(`${queue}.dlq`),
    );
    await startConsumer(broker, db.pool, logger, {
      queue,
      eventTypes: ['intake.participant.created'],
      maxAttempts: 2,
      retryBaseMs: 20,
      handle: async (event: Envelope, tx: PoolClient) => {
        if (outage.on) throw new Error('the effect cannot be written yet');
        if (outage.failFirstTry && !tried.has(event.id)) {
          tried.add(event.id);
          throw new Error('a passing hiccup');
        }
        const data = event.data as { participantId: string };
        await tx.query('INSERT INTO effects (event_id, participant_id) VALUES ($1, $2)', [
          event.id,
          data.participantId,
        ]);
      },
    });
    relay.start();
    return { broker, queue, outage };
  }

  async function parkTwo(broker: Broker, queue: string) {
    await recordInTransaction(db.pool, [participantCreated(), participantCreated()]);
    await waitFor(async () => (await parkedCount(broker, queue)) === 2, 15_000, 'two parked');
  }

  it('when events are parked, readiness and the metric name the queue and how many wait', async () => {
    const { broker, queue } = await system();
    await parkTwo(broker, queue);

    const readiness = deadLetterReadiness(broker, [queue]);
    expect(Object.keys(readiness)).toEqual([`parked:${queue}`]);
    expect(await readiness[`parked:${queue}`]()).toBe('2 parked');
    const registry = new Registry();
    deadLetterGauge(registry, broker, [queue]);
    const text = await registry.metrics();
    expect(text).toContain(`hearth_dead_letter_messages{queue="${queue}"} 2`);
  });

  it('when parked events are replayed, they go back to their queue with fresh attempts and are applied once each', async () => {
    const { broker, queue, outage } = await system();
    await parkTwo(broker, queue);
    outage.on = false;

    expect(await replayParked(process.env.AMQP_URL!, queue)).toBe(2);

    await waitFor(async () => (await effectCount(db.pool)) === 2, 10_000, 'both effects');
    expect(await parkedCount(broker, queue)).toBe(0);
  });

  it('when a replayed event fails once more, it is retried with its full attempts, not parked at once', async () => {
    const { broker, queue, outage } = await system();
    await parkTwo(broker, queue);
    Object.assign(outage, { on: false, failFirstTry: true });

    expect(await replayParked(process.env.AMQP_URL!, queue)).toBe(2);

    await waitFor(async () => (await effectCount(db.pool)) === 2, 10_000, 'both effects');
    expect(await parkedCount(broker, queue)).toBe(0);
  });

  it('when a replayed event fails again, it is parked again after its attempts instead of looping', async () => {
    const { broker, queue } = await system();
    await parkTwo(broker, queue);

    expect(await replayParked(process.env.AMQP_URL!, queue)).toBe(2);

    await waitFor(async () => (await parkedCount(broker, queue)) === 2, 15_000, 'parked again');
    expect(await effectCount(db.pool)).toBe(0);
  });

  it('refuses to replay a queue no consumer declared', async () => {
    await expect(replayParked(process.env.AMQP_URL!, 'no-such.consumer')).rejects.toThrow(
      'no consumer queue named no-such.consumer',
    );
  });
});
