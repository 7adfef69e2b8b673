import type { Request } from 'express';
import { actorOf } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import {
  WorkflowCancelled,
  WorkflowFinished,
  WorkflowPaused,
  WorkflowResumed,
  createEvent,
} from '@hearth/events';
import type { Owner, WorkflowView } from './store';
import type { WorkflowAction } from './transitions';

const EVENT_OF = {
  pause: WorkflowPaused,
  resume: WorkflowResumed,
  cancel: WorkflowCancelled,
  finish: WorkflowFinished,
} as const;

/**
 * The draft's move, announced in the transaction that made it (the owning service's outbox), so
 * every service offering workflows publishes them alike: notifications reminds an author of a
 * draft left paused. Status, owner and time only, never the steps' data.
 */
export async function recordDraftMove(
  tx: Queryable,
  req: Request,
  owner: Owner,
  action: WorkflowAction,
  draft: WorkflowView,
): Promise<void> {
  await recordEvent(
    tx,
    createEvent(EVENT_OF[action], {
      orgId: owner.orgId,
      ...authorOf(actorOf(req)),
      data: {
        workflowId: draft.id,
        workflowType: draft.type,
        ownerUserId: owner.userId,
        status: draft.status,
        draftVersion: draft.version,
        changedAt: draft.updatedAt,
      },
    }),
  );
}
