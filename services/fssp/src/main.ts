import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { fssp } from './app';
import { fsspEnv } from './config';

startService(fssp, loadConfigOrExit(fsspEnv), { handleSignals: true }).catch((err) => {
  console.error('fssp failed to start:', err);
  process.exit(1);
});
