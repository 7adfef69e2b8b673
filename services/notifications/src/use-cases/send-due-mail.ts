import type { NotificationsDeps } from '../deps';
import type { Mailer } from '../adapters/mailer';
import { nextAttemptAt } from '../domain/mail';
import { dueMail, markFailed, markSent } from '../store/mail';

const BATCH = 50;

/**
 * One run of the mail job: each due mail is sent, then marked sent; a refusal or an unreachable
 * server puts it off with back-off and leaves the rest of the batch to try (one bad address does
 * not hold the others). A mail is only ever marked sent after the server took it.
 */
export async function sendDueMail(
  deps: Pick<NotificationsDeps, 'pool' | 'clock' | 'logger'>,
  mailer: Mailer,
) {
  const now = deps.clock();
  let sent = 0;
  for (const mail of await dueMail(deps.pool, now, BATCH)) {
    try {
      await mailer({ to: mail.toAddress, subject: mail.subject, text: mail.body });
    } catch (err) {
      const retryAt = nextAttemptAt(deps.clock(), mail.attempts + 1);
      await markFailed(deps.pool, mail.id, (err as Error).message, retryAt);
      deps.logger.warn(
        { mailId: mail.id, attempts: mail.attempts + 1, retryAt, err: (err as Error).message },
        'mail not sent: will retry',
      );
      continue;
    }
    await markSent(deps.pool, mail.id, deps.clock());
    sent++;
  }
  return { sent };
}
