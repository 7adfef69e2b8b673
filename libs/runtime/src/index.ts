import type { Express } from 'express';
import { Registry } from 'prom-client';
import { tokenVerifier, type KeySource, type VerifyToken } from '@hearth/auth';
import {
  Broker,
  OutboxRelay,
  busMigrations,
  deadLetterGauge,
  deadLetterReadiness,
  startConsumer,
  type ConsumerOptions,
  type RelayOptions,
} from '@hearth/bus';
import type { ServiceEnv } from '@hearth/config';
import { createPool, migrate, type MigrationSource, type Pool } from '@hearth/db';
import { serve, type Running } from '@hearth/http';
import { createLogger, type Logger } from '@hearth/logging';
import { systemClock, type Clock } from '@hearth/time';
import { scheduleSingletonJob, type ScheduledJob } from './jobs';

export { scheduleSingletonJob, type ScheduledJob } from './jobs';

/** What a service's routes and consumers are given. */
export interface ServiceContext<C extends ServiceEnv = ServiceEnv> {
  config: C;
  logger: Logger;
  pool: Pool;
  broker: Broker;
  verify: VerifyToken;
  /** Readiness checks for createApp: the database, the broker, and each consumer's parked messages. */
  readiness: Record<string, () => Promise<unknown>>;
  /** For createApp's `metrics`: holds the parked-message gauge of the service's consumers. */
  metrics: Registry;
  /** "Now" for every rule, decision and job of the service; tests move it (StartOptions.clock). */
  clock: Clock;
}

export interface ServiceDefinition<C extends ServiceEnv = ServiceEnv> {
  name: string;
  /** The service's own migrations folder; the bus tables are migrated beside it. */
  migrationsDir: string;
  /** Tables of shared mechanisms the service uses (e.g. workflow drafts). */
  sharedMigrations?: MigrationSource[];
  app: (ctx: ServiceContext<C>) => Express;
  consumers?: (ctx: ServiceContext<C>) => ConsumerOptions[];
  /** Scheduled jobs: each runs on its interval, one instance at a time, stopped on shutdown. */
  jobs?: (ctx: ServiceContext<C>) => Array<ScheduledJob<ServiceContext<C>>>;
  /** Closes what the service opened beyond the pool and broker (a MongoDB client), after its jobs stop. */
  stop?: (ctx: ServiceContext<C>) => Promise<void>;
}

export interface StartOptions {
  /** Tests pass fixed keys; by default tokens are verified against identity's JWKS. */
  keys?: KeySource;
  relay?: RelayOptions;
  handleSignals?: boolean;
  logger?: Logger;
  /** Tests isolate themselves on a shared broker with their own exchange and queue names. */
  exchange?: string;
  queuePrefix?: string;
  /** Tests only: their queues expire after this long unused (a killed run leaves none behind). */
  queueExpiresMs?: number;
  /** Tests pass a clock they move (day 91 of an enrollment) instead of sleeping. */
  clock?: Clock;
}

export interface RunningService<C extends ServiceEnv = ServiceEnv> extends Running {
  ctx: ServiceContext<C>;
}

/**
 * The boot sequence every service shares: config → pool → migrations → broker → relay → consumers
 * → app → listen, and the reverse on shutdown (stop accepting, drain, stop consumers, close pools).
 */
export async function startService<C extends ServiceEnv>(
  def: ServiceDefinition<C>,
  config: C,
  options: StartOptions = {},
): Promise<RunningService<C>> {
  const logger = options.logger ?? createLogger({ service: def.name, level: config.LOG_LEVEL });
  const pool = createPool(config.DATABASE_URL, logger, { max: 20 });
  await migrate(
    pool,
    [busMigrations, ...(def.sharedMigrations ?? []), { scope: def.name, dir: def.migrationsDir }],
    logger,
  );
  const broker = new Broker(config.AMQP_URL, logger, options.exchange);
  await broker.start(); // unreachable broker: keeps retrying in the background, events wait in the outbox
  const verify = tokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    keys: options.keys ?? { jwksUri: config.JWKS_URL },
  });
  const readiness = { database: () => pool.query('SELECT 1'), broker: () => broker.check() };
  const metrics = new Registry();
  const clock = options.clock ?? systemClock;
  const ctx: ServiceContext<C> = {
    config,
    logger,
    pool,
    broker,
    verify,
    readiness,
    metrics,
    clock,
  };

  const relay = new OutboxRelay(pool, broker, logger, options.relay);
  relay.start();
  const queues: string[] = [];
  for (const consumer of def.consumers?.(ctx) ?? []) {
    const queue = (options.queuePrefix ?? '') + consumer.queue;
    await startConsumer(broker, pool, logger, {
      ...consumer,
      queue,
      expiresMs: options.queueExpiresMs,
    });
    queues.push(queue);
  }
  Object.assign(readiness, deadLetterReadiness(broker, queues));
  deadLetterGauge(metrics, broker, queues);
  const stopJobs = (def.jobs?.(ctx) ?? []).map((job) => scheduleSingletonJob(def.name, job, ctx));

  const running = await serve(def.app(ctx), {
    port: config.PORT,
    host: config.HOST,
    logger,
    handleSignals: options.handleSignals,
    onShutdown: [
      ...stopJobs,
      ...(def.stop ? [() => def.stop!(ctx)] : []),
      () => relay.stop(),
      () => broker.close(),
      () => pool.end(),
      async () => verify.close(),
    ],
  });
  return { ...running, ctx };
}
