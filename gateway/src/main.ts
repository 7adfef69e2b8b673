import { loadConfigOrExit } from '@hearth/config';
import { serve } from '@hearth/http';
import { createLogger } from '@hearth/logging';
import { buildGateway } from './app';
import { gatewayEnv } from './config';

const config = loadConfigOrExit(gatewayEnv);
const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
const gateway = buildGateway(config, { logger });
serve(gateway.app, {
  port: config.PORT,
  host: config.HOST,
  logger,
  handleSignals: true,
  onShutdown: [gateway.close],
}).catch((err) => {
  console.error('gateway failed to start:', err);
  process.exit(1);
});
