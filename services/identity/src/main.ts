import { loadConfigOrExit } from '@hearth/config';
import { createPool, migrate } from '@hearth/db';
import { serve } from '@hearth/http';
import { createLogger } from '@hearth/logging';
import { buildIdentity, identityMigrations } from './app';
import { identityEnv } from './config';
import { seedDemo } from './seed';
import { ensureSystemAdmin } from './use-cases/ensure-system-admin';

async function main() {
  const config = loadConfigOrExit(identityEnv);
  const logger = createLogger({ service: 'identity', level: config.LOG_LEVEL });
  const pool = createPool(config.DATABASE_URL, logger);
  await migrate(pool, [identityMigrations], logger);
  if (config.SYSTEM_ADMIN_EMAIL && config.SYSTEM_ADMIN_PASSWORD) {
    const { SYSTEM_ADMIN_EMAIL: email, SYSTEM_ADMIN_PASSWORD: password } = config;
    await ensureSystemAdmin(pool, {
      email,
      password,
      organization: config.SYSTEM_ADMIN_ORGANIZATION,
    });
  }
  if (config.SEED_DEMO) await seedDemo(pool, logger);
  await serve(buildIdentity(config, { pool, logger }), {
    port: config.PORT,
    host: config.HOST,
    logger,
    handleSignals: true,
    onShutdown: [() => pool.end()],
  });
}

main().catch((err) => {
  console.error('identity failed to start:', err);
  process.exit(1);
});
