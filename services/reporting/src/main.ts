import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { reporting } from './app';
import { reportingEnv } from './config';

startService(reporting, loadConfigOrExit(reportingEnv), { handleSignals: true }).catch((err) => {
  console.error('reporting failed to start:', err);
  process.exit(1);
});
