import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { enrollment } from './app';
import { enrollmentEnv } from './config';

startService(enrollment, loadConfigOrExit(enrollmentEnv), { handleSignals: true }).catch((err) => {
  console.error('enrollment failed to start:', err);
  process.exit(1);
});
