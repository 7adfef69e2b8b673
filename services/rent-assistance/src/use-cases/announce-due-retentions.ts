import { recordEvents, systemAuthor } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { RentAssistanceRetentionDue, createEvent } from '@hearth/events';
import { earliestToday } from '@hearth/time';
import type { RentAssistanceDeps } from '../deps';
import { claimDueRetentions } from '../store/outcomes';

/**
 * The daily list of retention follow-ups due, announced once each (claimed and published in one
 * transaction) for the hub to record the outcome. "Today" is the earliest on Earth, so none is
 * announced before its day has come everywhere.
 */
export async function announceDueRetentions(deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>) {
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const due = await claimDueRetentions(
      tx,
      earliestToday(() => now),
      now,
    );
    await recordEvents(
      tx,
      due.map((data) =>
        createEvent(RentAssistanceRetentionDue, {
          orgId: data.hubOrgId,
          ...systemAuthor('rent-assistance.retention-due'),
          occurredAt: now,
          data,
        }),
      ),
    );
    return due.length;
  });
}
