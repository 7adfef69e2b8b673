/**
 * The life of a workflow draft, as pure rules (no I/O) so the table is the single place to read
 * and test it. Cancelled and finished are closed: a draft never leaves them.
 */
export const workflowStatuses = ['in_progress', 'paused', 'cancelled', 'finished'] as const;
export type WorkflowStatus = (typeof workflowStatuses)[number];

/** Statuses a draft can still be resumed or worked on from; the only ones a user lists. */
export const openStatuses = ['in_progress', 'paused'] as const satisfies readonly WorkflowStatus[];

export const workflowActions = ['pause', 'resume', 'cancel', 'finish'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export const transitions: Record<
  WorkflowAction,
  { from: readonly WorkflowStatus[]; to: WorkflowStatus }
> = {
  pause: { from: ['in_progress'], to: 'paused' },
  resume: { from: ['paused'], to: 'in_progress' },
  cancel: { from: ['in_progress', 'paused'], to: 'cancelled' },
  finish: { from: ['in_progress'], to: 'finished' },
};

export type Outcome = { ok: true; to: WorkflowStatus } | { ok: false; reason: string };

const label = (status: WorkflowStatus) => status.replace('_', ' ');
const done: Record<WorkflowAction, string> = {
  pause: 'paused',
  resume: 'resumed',
  cancel: 'cancelled',
  finish: 'finished',
};

/** What `action` does to a draft in `status`, or why it is refused (the caller answers 409). */
export function transition(status: WorkflowStatus, action: WorkflowAction): Outcome {
  const rule = transitions[action];
  if (rule.from.includes(status)) return { ok: true, to: rule.to };
  return {
    ok: false,
    reason: `The workflow is ${label(status)}; it cannot be ${done[action]}${hint(status)}.`,
  };
}

/** Steps are saved only while the user is working on the draft: a paused one is resumed first. */
export function stepSaveRefusal(status: WorkflowStatus): string | undefined {
  if (status === 'in_progress') return undefined;
  return `The workflow is ${label(status)}; its steps cannot be saved${hint(status)}.`;
}

function hint(status: WorkflowStatus): string {
  if (status === 'paused') return ' — resume it first';
  if (status === 'cancelled' || status === 'finished') return ' — start a new workflow instead';
  return '';
}
