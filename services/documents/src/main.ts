import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { documents } from './app';
import { documentsEnv } from './config';

startService(documents, loadConfigOrExit(documentsEnv), { handleSignals: true }).catch((err) => {
  console.error('documents failed to start:', err);
  process.exit(1);
});
