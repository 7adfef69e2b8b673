import type { Request } from 'express';
import type { PoolClient } from '@hearth/db';
import type { z } from 'zod';
import { badRequest, fieldErrors } from '@hearth/http';
import type { WorkflowView } from './store';

/** Where a step's parsed data names participants (each must pass the same gate as the draft's). */
export type ParticipantIdsOf = (data: unknown) => Array<string | undefined>;

/**
 * What finishing a draft does in its service: the same gate and use case as the service's own
 * route, so a workflow and a direct request follow one rule set. Given the draft, it checks what
 * needs the pool (the body from the steps, the access gate) and answers the write, which runs in
 * the transaction that finishes the draft: both commit or neither. Either throws a Problem (the
 * draft stays in progress); the write answers what it made (the finish answer's `result`).
 */
export type FinishWorkflow = (ctx: {
  req: Request;
  draft: WorkflowView;
}) => Promise<(tx: PoolClient) => Promise<unknown>>;

/** A kind of multi-step workflow and the schema each of its steps is saved with. */
export interface WorkflowType<S extends Record<string, z.ZodType> = Record<string, z.ZodType>> {
  type: string;
  steps: S;
  participantIds: Partial<Record<string, ParticipantIdsOf>>;
  finish?: FinishWorkflow;
}

const STEP = /^[a-z][a-z0-9_]{0,62}$/;
// A type is a path segment (/workflows/{type}/...): words joined by _ or -.
const TYPE = /^[a-z][a-z0-9_-]{0,62}$/;

/**
 * Declared once per workflow at start-up, so a bad name fails the process early rather than a
 * request later. Names are snake_case because they appear in URLs and stored drafts.
 */
export function defineWorkflowType<const S extends Record<string, z.ZodType>>(def: {
  type: string;
  steps: S;
  /** per step, the participant ids its data names (a chosen participant, family members...) */
  participantIds?: { [K in keyof S]?: (data: z.infer<S[K]>) => Array<string | undefined> };
  finish?: FinishWorkflow;
}): WorkflowType<S> {
  if (!TYPE.test(def.type))
    throw new Error(`Workflow type "${def.type}" must be lower-case words joined by _ or -.`);
  const steps = Object.keys(def.steps);
  if (steps.length === 0) throw new Error(`Workflow type "${def.type}" needs at least one step.`);
  const bad = steps.find((s) => !STEP.test(s));
  if (bad) throw new Error(`Step "${bad}" of workflow type "${def.type}" must be snake_case.`);
  return {
    type: def.type,
    steps: def.steps,
    participantIds: (def.participantIds ?? {}) as Partial<Record<string, ParticipantIdsOf>>,
    finish: def.finish,
  };
}

/** Every participant a draft names: its own, and those inside its saved steps' data. */
export function participantsNamed(
  def: WorkflowType | undefined,
  draft: { participantId: string | null; steps: Record<string, unknown> },
  extra: Record<string, unknown> = {},
): string[] {
  const ids = new Set<string>();
  if (draft.participantId) ids.add(draft.participantId);
  for (const [step, data] of Object.entries({ ...draft.steps, ...extra })) {
    const of =
      def && Object.hasOwn(def.participantIds, step) ? def.participantIds[step] : undefined;
    for (const id of of?.(data) ?? []) if (id) ids.add(id);
  }
  return [...ids];
}

/** The types one service offers, by name; two types of the same name are a programming error. */
export function typeRegistry(types: readonly WorkflowType[]): ReadonlyMap<string, WorkflowType> {
  const byName = new Map<string, WorkflowType>();
  for (const t of types) {
    if (byName.has(t.type)) throw new Error(`Workflow type "${t.type}" is defined twice.`);
    byName.set(t.type, t);
  }
  if (byName.size === 0) throw new Error('A workflow registry needs at least one type.');
  return byName;
}

/**
 * The data of one step, parsed by that step's schema. Unknown steps and invalid data answer 400;
 * field paths start with the step name so a client knows which screen holds the error.
 */
export function validateStep(def: WorkflowType, step: string, data: unknown): unknown {
  const schema = Object.hasOwn(def.steps, step) ? def.steps[step] : undefined;
  if (!schema) {
    const known = Object.keys(def.steps).join(', ');
    throw badRequest(`A ${def.type} workflow has no step "${step}".`, [
      { field: 'step', message: `Unknown step; the steps are: ${known}` },
    ]);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw badRequest(
      `The data of step ${step} is invalid.`,
      fieldErrors(result.error as z.ZodError, step),
    );
  }
  return result.data;
}
