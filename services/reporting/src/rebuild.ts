import { loadConfigOrExit } from '@hearth/config';
import { createPool } from '@hearth/db';
import { createLogger } from '@hearth/logging';
import { reportingEnv } from './config';
import { readModelConsumers } from './events/consumers';
import { rebuildReadModel } from './events/journal';

/**
 * `npm run rebuild -w @hearth/reporting` (after `npm run build`): the read model made again from
 * the event journal, in one transaction, while the service keeps running (README, "Rebuild").
 */
async function main() {
  const config = loadConfigOrExit(reportingEnv);
  const logger = createLogger({ service: 'reporting-rebuild' });
  const pool = createPool(config.DATABASE_URL, logger, { max: 2 });
  try {
    const replayed = await rebuildReadModel(pool, readModelConsumers());
    logger.info({ replayed }, 'the read model was rebuilt from the event journal');
  } finally {
    await pool.end();
  }
}

main().catch((err) => {
  console.error('reporting rebuild failed:', err);
  process.exit(1);
});
