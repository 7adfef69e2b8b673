import { loadConfigOrExit } from '@hearth/config';
import { startService } from '@hearth/runtime';
import { notifications } from './app';
import { notificationsEnv } from './config';

startService(notifications, loadConfigOrExit(notificationsEnv), { handleSignals: true }).catch(
  (err) => {
    console.error('notifications failed to start:', err);
    process.exit(1);
  },
);
