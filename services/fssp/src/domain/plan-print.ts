import { uuid } from '@hearth/http';
import { z } from 'zod';
import type { Goal } from '../store/goals';
import type { Plan } from '../store/plans';
import { SCORE_LABELS } from './score';

export const PRINT_PARTS = ['plan', 'goals', 'follow-up'] as const;

export const printPlanQuery = z
  .strictObject({
    part: z
      .enum(PRINT_PARTS)
      .default('plan')
      .describe('plan: the whole FSSP; goals: its goals; follow-up: one follow-up (followUpId)'),
    followUpId: uuid().optional().describe('The follow-up printed, with part=follow-up only'),
  })
  .superRefine((q, ctx) => {
    if (q.part === 'follow-up' && !q.followUpId)
      ctx.addIssue({ code: 'custom', path: ['followUpId'], message: 'Name the follow-up' });
    if (q.part !== 'follow-up' && q.followUpId)
      ctx.addIssue({ code: 'custom', path: ['followUpId'], message: 'Only with part=follow-up' });
  });
export type PrintPlanQuery = z.infer<typeof printPlanQuery>;

/** A score as the print shows it, with the follow-up it was recorded in (null: on its own). */
export interface PrintedScore {
  goalId: string;
  scoreDate: string;
  score: number;
  assessmentId: string | null;
}

/** One part of the print: a bookmark and its lines (the PDF draws, this decides what). */
export interface PrintSection {
  bookmark: string;
  heading: string;
  lines: string[];
}

export interface PlanPrint {
  title: string;
  sections: PrintSection[];
}

const SCORE_NAMES = ['In Crisis', 'At Risk', 'Moderately Stable', 'Thriving'] as const;
const scoreName = (score: number) => `${score} ${SCORE_NAMES[score] ?? SCORE_LABELS[score]}`;
/** A catalog or type code as words: obtain_employment → Obtain employment. */
const words = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ');

/**
 * How the print names a participant: the name when the reader may see them (`names` holds only
 * those), else the id the plan's own answer shows, marked so nobody takes it for an oversight.
 */
type Label = (participantId: string) => string;
const labelFrom =
  (names: ReadonlyMap<string, string>): Label =>
  (id) =>
    names.get(id) ?? `${id} (name not shown)`;

function planSection(plan: Plan, creatorName: string, label: Label): PrintSection {
  const members = plan.members.map((m) => {
    const who = `${m.isHead ? 'Head of household' : 'Member'} ${label(m.participantId)}`;
    return m.included
      ? `${who}: included (enrollment ${m.enrollmentId})`
      : `${who}: excluded, ${words(m.exclusionReason ?? 'no reason')}`;
  });
  return {
    bookmark: 'Plan',
    heading: 'Family Self-Sufficiency Plan',
    lines: [
      `Assessment: ${plan.assessmentDate} (${words(plan.assessmentType)})`,
      `Status: ${words(plan.status)}${plan.closedOn ? ` on ${plan.closedOn}` : ''}`,
      `Follow-ups due: 6-month ${plan.sixMonthFollowUpDate}, 12-month ${plan.twelveMonthFollowUpDate}`,
      `Follow-ups recorded: ${
        plan.followUps.map((f) => `${words(f.assessmentType)} ${f.assessmentDate}`).join(', ') ||
        'none'
      }`,
      `Case worker: ${creatorName}`,
      ...members,
    ],
  };
}

function goalSection(
  goal: Goal,
  n: number,
  scores: readonly PrintedScore[],
  label: Label,
): PrintSection {
  const history = scores.filter((s) => s.goalId === goal.id);
  const p = goal.progress;
  return {
    bookmark: `Goal ${n}`,
    heading: `Goal ${n}: ${words(goal.category)}, ${words(goal.goal)} (${goal.kind})`,
    lines: [
      `From ${goal.startDate} to ${goal.targetDate}; ${goal.status}`,
      `Members: ${goal.participantIds.map(label).join(', ')}`,
      `Strengths: ${goal.strengths || 'none recorded'}`,
      ...goal.barriers.map((b) => `Barrier: ${b.description}`),
      ...goal.actionSteps.map(
        (s) => `Step: ${s.text} (due ${s.dueDate}${s.doneDate ? `, done ${s.doneDate}` : ''})`,
      ),
      ...history.map((s) => `Score ${s.scoreDate}: ${scoreName(s.score)}`),
      p
        ? `Progress: ${scoreName(p.first.score)} → ${scoreName(p.latest.score)} (${
            p.change > 0 ? '+' : ''
          }${p.change})`
        : 'Progress: not scored yet',
    ],
  };
}

/**
 * What a print of the plan holds, for a reader the route has let read the plan: the whole plan
 * (its facts, then each goal), its goals alone, or one follow-up with the scores it recorded.
 * Goals are numbered as the plan lists them (oldest first) in every part. Free text (strengths,
 * barriers, steps) is the case worker's own: printed as written.
 */
export function planPrint(input: {
  plan: Plan;
  goals: readonly Goal[];
  scores: readonly PrintedScore[];
  creatorName: string;
  /** the names of the participants this reader may see; the others print as their id */
  names: ReadonlyMap<string, string>;
  printedOn: string;
  part: PrintPlanQuery['part'];
  followUpId?: string;
}): PlanPrint | undefined {
  const { plan, goals, scores } = input;
  const title = `FSSP of ${plan.assessmentDate}, printed ${input.printedOn}`;
  const label = labelFrom(input.names);
  const goalSections = goals.map((g, i) => goalSection(g, i + 1, scores, label));
  if (input.part === 'plan')
    return { title, sections: [planSection(plan, input.creatorName, label), ...goalSections] };
  if (input.part === 'goals') return { title, sections: goalSections };
  const followUp = plan.followUps.find((f) => f.id === input.followUpId);
  if (!followUp) return undefined;
  const number = new Map(goals.map((g, i) => [g.id, i + 1]));
  const goalOf = new Map(goals.map((g) => [g.id, g]));
  const rescored = scores.filter((s) => s.assessmentId === followUp.id);
  return {
    title,
    sections: [
      {
        bookmark: `Follow-up ${followUp.assessmentDate}`,
        heading: `${words(followUp.assessmentType)} follow-up of ${followUp.assessmentDate}`,
        lines: rescored.map((s) => {
          const g = goalOf.get(s.goalId);
          const name = g ? `${words(g.category)}, ${words(g.goal)}` : s.goalId;
          return `Goal ${number.get(s.goalId) ?? '?'} (${name}): ${scoreName(s.score)}`;
        }),
      },
    ],
  };
}
