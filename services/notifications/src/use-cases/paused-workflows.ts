import { withTransaction, type Queryable } from '@hearth/db';
import { WorkflowPaused, isEvent, workflowEvents, type Envelope } from '@hearth/events';
import type { NotificationsDeps } from '../deps';
import { PAUSED_REMINDER_DAYS, pausedWorkflowNotice } from '../domain/notice';
import { saveNotice } from '../store/notices';
import { keepDraftFacts, pausedSince } from '../store/workflow-drafts';

export const draftEventTypes = workflowEvents.map((e) => e.type);

/** A draft's move from its owning service (libs/workflows), kept newest first. */
export async function keepDraft(event: Envelope, tx: Queryable): Promise<void> {
  const definition = workflowEvents.find((e) => isEvent(event, e));
  if (!definition) return;
  const data = definition.data.parse(event.data);
  await keepDraftFacts(tx, {
    ...data,
    orgId: event.orgId,
    pauseEventId: isEvent(event, WorkflowPaused) ? event.id : null,
  });
}

/**
 * The daily reminder: each draft paused and untouched for 7 days gets its author one notice. The
 * notice's source is the pause's event, so a second run (or a second replica) writes nothing, and
 * a draft resumed and paused again is reminded again 7 days after that pause.
 */
export async function remindPausedWorkflows(deps: Pick<NotificationsDeps, 'pool' | 'clock'>) {
  const now = deps.clock();
  const before = new Date(now.getTime() - PAUSED_REMINDER_DAYS * 24 * 60 * 60 * 1000);
  let written = 0;
  await withTransaction(deps.pool, async (tx) => {
    for (const draft of await pausedSince(tx, before))
      if (await saveNotice(tx, pausedWorkflowNotice(draft), now)) written += 1;
  });
  return written;
}
