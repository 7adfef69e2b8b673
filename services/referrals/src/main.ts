import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { referrals } from './app';
import { referralsEnv } from './config';

startService(referrals, loadConfigOrExit(referralsEnv), { handleSignals: true }).catch((err) => {
  console.error('referrals failed to start:', err);
  process.exit(1);
});
