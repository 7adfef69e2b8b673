import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { rentAssistance } from './app';
import { rentAssistanceEnv } from './config';

startService(rentAssistance, loadConfigOrExit(rentAssistanceEnv), { handleSignals: true }).catch(
  (err) => {
    console.error('rent-assistance failed to start:', err);
    process.exit(1);
  },
);
