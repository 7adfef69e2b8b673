import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { services } from './app';
import { servicesEnv } from './config';

startService(services, loadConfigOrExit(servicesEnv), { handleSignals: true }).catch((err) => {
  console.error('services failed to start:', err);
  process.exit(1);
});
