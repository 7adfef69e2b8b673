import { Broker, OutboxRelay } from '@hearth/bus';
import { loadConfigOrExit } from '@hearth/config';
import { createPool, migrate } from '@hearth/db';
import { serve } from '@hearth/http';
import { createLogger } from '@hearth/logging';
import { buildIdentity, identitySchema } from './app';
import { identityEnv } from './config';
import { seedDemo } from './seed';
import { ensureSystemAdmin } from './use-cases/ensure-system-admin';

async function main() {
  const config = loadConfigOrExit(identityEnv);
  const logger = createLogger({ service: 'identity', level: config.LOG_LEVEL });
  const pool = createPool(config.DATABASE_URL, logger);
  await migrate(pool, identitySchema, logger);
  // Organization and user events wait in the outbox until the broker answers (as in libs/runtime).
  const broker = new Broker(config.AMQP_URL, logger);
  await broker.start();
  const relay = new OutboxRelay(pool, broker, logger);
  relay.start();
  if (config.SYSTEM_ADMIN_EMAIL && config.SYSTEM_ADMIN_PASSWORD) {
    const { SYSTEM_ADMIN_EMAIL: email, SYSTEM_ADMIN_PASSWORD: password } = config;
    await ensureSystemAdmin(pool, {
      email,
      password,
      organization: config.SYSTEM_ADMIN_ORGANIZATION,
      timeZone: config.DEFAULT_TIME_ZONE,
    });
  }
  if (config.SEED_DEMO) await seedDemo(pool, logger);
  await serve(buildIdentity(config, { pool, logger, broker }), {
    port: config.PORT,
    host: config.HOST,
    logger,
    handleSignals: true,
    onShutdown: [() => relay.stop(), () => broker.close(), () => pool.end()],
  });
}

main().catch((err) => {
  console.error('identity failed to start:', err);
  process.exit(1);
});
