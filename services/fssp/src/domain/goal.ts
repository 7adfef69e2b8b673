import { isoDate, uuid, type FieldError } from '@hearth/http';
import { z } from 'zod';
import { goalCategories, isCatalogGoal } from './goal-catalog';

const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, 'Write something (it is empty)');

export const GOAL_KINDS = ['individual', 'family'] as const;
export const GOAL_STATUSES = ['open', 'closed'] as const;

export const actionStep = z.strictObject({
  text: text(1000),
  dueDate: isoDate(),
  doneDate: isoDate().nullable().default(null),
});

export const createGoalBody = z.strictObject({
  planId: uuid(),
  kind: z.enum(GOAL_KINDS),
  /** One for an individual goal; the members a family goal applies to. */
  participantIds: z.array(uuid()).min(1).max(30),
  category: z.enum(goalCategories),
  goal: z.string().max(80),
  startDate: isoDate(),
  targetDate: isoDate(),
  strengths: z.string().max(4000).default(''),
  barriers: z
    .array(z.strictObject({ description: text(2000) }))
    .max(20)
    .default([]),
  actionSteps: z.array(actionStep).min(1, 'At least one action step').max(30),
  status: z.enum(GOAL_STATUSES).default('open'),
});
export type CreateGoalBody = z.infer<typeof createGoalBody>;

/** A change made through one of the goal's members: for a family goal, it reaches them all. */
export const updateGoalBody = z
  .strictObject({
    version: z.number().int().min(1),
    participantId: uuid(),
    startDate: isoDate().optional(),
    targetDate: isoDate().optional(),
    strengths: z.string().max(4000).optional(),
    status: z.enum(GOAL_STATUSES).optional(),
    actionSteps: z.array(actionStep).min(1, 'At least one action step').max(30).optional(),
  })
  .refine((b) => Object.keys(b).length > 2, { message: 'Nothing to change', path: ['version'] });
export type UpdateGoalBody = z.infer<typeof updateGoalBody>;

type ActionStep = z.infer<typeof actionStep>;

/** Dates every goal keeps, as created or after a change. */
export function goalDateProblems(
  goal: { startDate: string; targetDate: string; actionSteps: readonly ActionStep[] },
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (goal.targetDate < goal.startDate)
    problems.push({
      field: 'targetDate',
      message: `Not before the start date (${goal.startDate})`,
    });
  goal.actionSteps.forEach((step, i) => {
    if (step.doneDate && step.doneDate > today)
      problems.push({ field: `actionSteps.${i}.doneDate`, message: `Not after today (${today})` });
  });
  return problems;
}

/**
 * A new goal by the rules: the goal is one of its category's in the catalog; an individual goal
 * has one member, a family goal lists its members; each is included in the plan.
 */
export function newGoalProblems(
  body: CreateGoalBody,
  includedMembers: readonly string[],
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (!isCatalogGoal(body.category, body.goal))
    problems.push({ field: 'goal', message: `Not a goal of the category ${body.category}` });
  if (body.kind === 'individual' && body.participantIds.length !== 1)
    problems.push({ field: 'participantIds', message: 'An individual goal has one member' });
  const seen = new Set<string>();
  body.participantIds.forEach((id, i) => {
    if (seen.has(id)) problems.push({ field: `participantIds.${i}`, message: 'Listed twice' });
    else if (!includedMembers.includes(id))
      problems.push({ field: `participantIds.${i}`, message: 'Not included in this FSSP' });
    seen.add(id);
  });
  return [...problems, ...goalDateProblems(body, today)];
}
