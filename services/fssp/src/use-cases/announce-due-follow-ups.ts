import { recordEvents, systemAuthor } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { FsspFollowUpDue, createEvent } from '@hearth/events';
import { addDays, earliestToday } from '@hearth/time';
import type { FsspDeps } from '../deps';
import { DUE_WITHIN_DAYS } from '../domain/follow-up';
import { claimDueFollowUps } from '../store/follow-ups';

/**
 * Announce each open plan's 6- or 12-month follow-up once it falls within the next 14 days, once
 * each: claimed and published in one transaction. "Today" is the earliest on Earth, so a
 * follow-up is never announced before it is within 14 days anywhere.
 */
export async function announceDueFollowUps(deps: Pick<FsspDeps, 'pool' | 'clock'>) {
  const now = deps.clock();
  const today = earliestToday(() => now);
  return withTransaction(deps.pool, async (tx) => {
    const due = await claimDueFollowUps(tx, today, addDays(today, DUE_WITHIN_DAYS), now);
    await recordEvents(
      tx,
      due.map((d) =>
        createEvent(FsspFollowUpDue, {
          orgId: d.orgId,
          ...systemAuthor('fssp.follow-ups-due'),
          occurredAt: now,
          data: d,
        }),
      ),
    );
    return due.length;
  });
}
