import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { intake } from './app';
import { intakeEnv } from './config';

startService(intake, loadConfigOrExit(intakeEnv), { handleSignals: true }).catch((err) => {
  console.error('intake failed to start:', err);
  process.exit(1);
});
