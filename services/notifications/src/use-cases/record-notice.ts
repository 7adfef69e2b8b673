import type { Queryable } from '@hearth/db';
import type { Envelope } from '@hearth/events';
import type { NotificationsDeps } from '../deps';
import { noticeFor } from '../domain/notice';
import { saveNotice } from '../store/notices';

/**
 * An event that asks for a notice writes it, in the transaction that records the event as
 * processed (so a redelivery writes nothing twice). Answers the notice written, if any.
 */
export async function recordNotice(
  deps: Pick<NotificationsDeps, 'clock'>,
  tx: Queryable,
  event: Envelope,
) {
  const notice = noticeFor(event);
  if (!notice) return undefined;
  return (await saveNotice(tx, notice, deps.clock())) ? notice : undefined;
}
