import { z } from 'zod';
import { defineEvent } from './envelope';

/**
 * A paused-workflow draft (libs/workflows) changing status, published by the service owning its
 * type through that service's outbox: who owns it and when, never its steps' data (a draft holds
 * what a case worker typed, not yet checked by any rule). The envelope's orgId is the draft's.
 */
const draftFacts = z.strictObject({
  workflowId: z.string().uuid(),
  workflowType: z.string().min(1).max(100),
  ownerUserId: z.string().uuid(),
  status: z.enum(['in_progress', 'paused', 'cancelled', 'finished']),
  /** Rises with every change of the draft: a read model keeps only the newest. */
  draftVersion: z.number().int().positive(),
  changedAt: z.string().datetime(),
});

export const WorkflowPaused = defineEvent('workflows.draft.paused', 1, draftFacts);
export const WorkflowResumed = defineEvent('workflows.draft.resumed', 1, draftFacts);
export const WorkflowCancelled = defineEvent('workflows.draft.cancelled', 1, draftFacts);
export const WorkflowFinished = defineEvent('workflows.draft.finished', 1, draftFacts);

export const workflowEvents = [
  WorkflowPaused,
  WorkflowResumed,
  WorkflowCancelled,
  WorkflowFinished,
] as const;
