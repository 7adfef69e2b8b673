// `npm run dlq:replay -- <queue>`: move the messages parked in <queue>.dlq back to <queue>.
import { z } from 'zod';
import { env, loadConfigOrExit } from '@hearth/config';
import { replayParked } from './replay';

const { AMQP_URL } = loadConfigOrExit(z.object({ AMQP_URL: env.url() }));
const queue = process.argv[2];
if (!queue || process.argv.length > 3) {
  console.error('Usage: npm run dlq:replay -- <queue>   (e.g. enrollment.sharing-facts)');
  process.exit(64); // EX_USAGE
}

replayParked(AMQP_URL, queue).then(
  (moved) => process.stdout.write(`${moved} message(s) moved from ${queue}.dlq back to ${queue}\n`),
  (err: Error) => {
    console.error(`Nothing replayed: ${err.message}`);
    process.exit(1);
  },
);
