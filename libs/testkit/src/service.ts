import { randomUUID } from 'node:crypto';
import { deleteTopology } from '@hearth/bus';
import type { ServiceEnv } from '@hearth/config';
import { createEvent, type EventActor, type EventDefinition, type Envelope } from '@hearth/events';
import type { Logger } from '@hearth/logging';
import { startService, type RunningService, type ServiceDefinition } from '@hearth/runtime';
import type { Clock } from '@hearth/time';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { createTestDatabase } from './databases';
import { TEST_QUEUE_EXPIRES_MS, brokerIsolation } from './isolation';
import { testLogger } from './logger';
import { testKeys } from './tokens';
import { waitFor } from './wait';

export interface TestServiceOptions {
  /** The service's own settings (SSN keys, a feature switch), on top of the shared ones. */
  env?: Record<string, string | undefined>;
  /** Join this database instead of a fresh one (a replica, or a database the test made). */
  databaseUrl?: string;
  /** Reach the broker here instead (a proxy the test can cut). */
  amqpUrl?: string;
  /** Join another instance's exchange and queues, as its replica or its peer would. */
  exchange?: string;
  queuePrefix?: string;
  clock?: Clock;
  logger?: Logger;
}

/**
 * A service as it runs in production, for a test: a fresh database, its own exchange and queue
 * names on the shared broker (so parallel test files never see each other's events), the
 * testkit's signing keys (so `mintToken` tokens pass), an optional clock, a quiet logger. On
 * close its queues and exchange go too (a replica's stay while another instance uses them), and
 * they expire on their own if the run dies first: thousands of leftover queues once hung a
 * broker's start.
 */
export async function startServiceForTest<C extends ServiceEnv>(
  definition: ServiceDefinition<C>,
  envSchema: { parse: (raw: unknown) => C },
  options: TestServiceOptions = {},
) {
  const db = options.databaseUrl ? undefined : await createTestDatabase(definition.name);
  const isolation = brokerIsolation(definition.name);
  const exchange = options.exchange ?? isolation.exchange;
  const queuePrefix = options.queuePrefix ?? isolation.queuePrefix;
  const config = envSchema.parse({
    DATABASE_URL: options.databaseUrl ?? db!.url,
    AMQP_URL: options.amqpUrl ?? process.env.AMQP_URL,
    JWKS_URL: 'http://127.0.0.1:1/unused', // never fetched: the testkit's keys are given
    PORT: '0',
    ...options.env,
  });
  // Which queues consume each event type, so publishAndWait knows whom to wait for.
  const queuesByType = new Map<string, string[]>();
  const queues: string[] = [];
  const observed: ServiceDefinition<C> = {
    ...definition,
    consumers: (ctx) => {
      const consumers = definition.consumers?.(ctx) ?? [];
      queues.push(...consumers.map((c) => queuePrefix + c.queue));
      for (const consumer of consumers)
        for (const type of consumer.eventTypes)
          queuesByType.set(type, [...(queuesByType.get(type) ?? []), queuePrefix + consumer.queue]);
      return consumers;
    },
  };
  const service: RunningService<C> = await startService(observed, config, {
    exchange,
    queuePrefix,
    queueExpiresMs: TEST_QUEUE_EXPIRES_MS,
    keys: testKeys,
    logger: options.logger ?? testLogger(definition.name),
    relay: { pollMs: 200 },
    clock: options.clock,
  });
  const running = {
    service,
    config,
    pool: service.ctx.pool,
    url: service.url,
    databaseUrl: config.DATABASE_URL,
    exchange,
    queuePrefix,
    /** The queues (with their test prefix) whose consumers handle events of `type`. */
    consumersOf: (type: string) => queuesByType.get(type) ?? [],
    /** publishAndWait into this service. */
    publish: <S extends z.ZodType>(
      event: EventDefinition<S>,
      data: z.input<S>,
      fields?: PublishFields,
    ): Promise<Envelope<z.infer<S>>> => publishAndWait(running, event, data, fields),
    /** The queues of its consumers (with their test prefix). */
    queues,
    close: async () => {
      await service.close();
      await db?.drop();
      // on the broker itself: a proxy the test made may be closed already
      await deleteTopology(process.env.AMQP_URL ?? config.AMQP_URL, { queues, exchange });
    },
  };
  return running;
}

export type TestService = Awaited<ReturnType<typeof startServiceForTest>>;

/** What publishAndWait needs of a service under test. */
export interface EventReceiver {
  service: RunningService<ServiceEnv>;
  pool: Pool;
  exchange: string;
  consumersOf: (type: string) => string[];
}

export interface PublishFields {
  orgId?: string;
  actor?: EventActor;
  requestId?: string;
  timeoutMs?: number;
}

/**
 * Publish an event as another service would (through the broker, on the service's exchange) and
 * resolve once every consumer of the service that handles its type has processed it: each records
 * the event id in processed_events in the transaction of its effect, so the effect is visible.
 */
export async function publishAndWait<S extends z.ZodType>(
  target: EventReceiver,
  definition: EventDefinition<S>,
  data: z.input<S>,
  fields: PublishFields = {},
): Promise<Envelope<z.infer<S>>> {
  const consumers = target.consumersOf(definition.type);
  if (!consumers.length)
    throw new Error(`no consumer of this service handles ${definition.type}: nothing to wait for`);
  const event = createEvent(definition, {
    orgId: fields.orgId ?? randomUUID(),
    actor: fields.actor ?? { userId: randomUUID(), name: 'Someone elsewhere' },
    requestId: fields.requestId,
    data,
  });
  const channel = target.service.ctx.broker.publisher;
  if (!channel) throw new Error('the service is not connected to the broker');
  channel.publish(target.exchange, event.type, Buffer.from(JSON.stringify(event)), {
    messageId: event.id,
    persistent: true,
  });
  await channel.waitForConfirms();
  await waitFor(
    async () =>
      (
        await target.pool.query(
          'SELECT 1 FROM processed_events WHERE event_id = $1 AND consumer = ANY($2)',
          [event.id, consumers],
        )
      ).rowCount === consumers.length,
    fields.timeoutMs ?? 10_000,
    `${event.type} to be handled by ${consumers.join(', ')}`,
  );
  return event;
}
