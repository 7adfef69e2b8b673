import type { Queryable } from '@hearth/db';
import type { Envelope } from '@hearth/events';
import type { NotificationsDeps } from '../deps';
import { MAILED_KINDS, mailOf } from '../domain/mail';
import { linkOf, noticeFor } from '../domain/notice';
import { mailRecipients, queueMail } from '../store/mail';
import { saveNotice } from '../store/notices';

/**
 * An event that asks for a notice writes it, in the transaction that records the event as
 * processed (so a redelivery writes nothing twice), and queues its mail to each recipient who
 * asked for mail: a row in the same transaction, sent later by the mail job, so a mail server
 * down never holds the notice back. Answers the notice's id, if one was written.
 */
export async function recordNotice(
  deps: Pick<NotificationsDeps, 'clock' | 'config'>,
  tx: Queryable,
  event: Envelope,
) {
  const notice = noticeFor(event);
  if (!notice) return undefined;
  const now = deps.clock();
  const noticeId = await saveNotice(tx, notice, now);
  if (!noticeId || !MAILED_KINDS.has(notice.kind)) return noticeId;
  const link = new URL(
    linkOf(notice.recordType, notice.recordId).href,
    deps.config.PUBLIC_BASE_URL,
  );
  for (const recipient of await mailRecipients(tx, notice.orgId, notice.userId)) {
    const mail = mailOf(notice.kind, recipient.firstName, link.toString());
    if (mail)
      await queueMail(
        tx,
        { noticeId, userId: recipient.userId, to: recipient.email, ...mail },
        now,
      );
  }
  return noticeId;
}
