import { z } from 'zod';
import { defineEvent, eventDate } from './envelope';

/**
 * Family self-sufficiency plans (fssp service): ids, dates and who a plan covers, never goal text,
 * so services and referrals can check an "associated goal" against what they keep.
 */
const id = z.string().uuid();
const date = eventDate;

export const fsspAssessmentTypes = ['initial', 'six_month', 'twelve_month', 'revision'] as const;
export const fsspExclusionReasons = [
  'declines_all_services',
  'not_able_to_be_contacted',
  'already_recorded_separately',
] as const;

const planFacts = z.strictObject({
  planId: id,
  orgId: id,
  /** null for a head of household entered alone (no family arrived from intake). */
  familyId: id.nullable(),
  headParticipantId: id,
  enrollmentId: id,
  assessmentDate: date,
  sixMonthFollowUpDate: date,
  twelveMonthFollowUpDate: date,
  /** Everyone the plan includes, the head first; excluded members are left out. */
  memberParticipantIds: z.array(id),
  status: z.enum(['open', 'closed']),
});

export const FsspPlanCreated = defineEvent('fssp.plan.created', 1, planFacts);

/**
 * A goal as it now stands: the ids a service record or a referral may name as its associated goal
 * or barrier, whom it is for and whether it is open; catalog codes, never strengths or step text.
 */
const goalFacts = z.strictObject({
  goalId: id,
  planId: id,
  orgId: id,
  kind: z.enum(['individual', 'family']),
  participantIds: z.array(id),
  barrierIds: z.array(id),
  category: z.string(),
  goal: z.string(),
  startDate: date,
  targetDate: date,
  status: z.enum(['open', 'closed']),
  version: z.number().int().positive(),
});

export const FsspGoalAdded = defineEvent('fssp.goal.added', 1, goalFacts);
export const FsspGoalUpdated = defineEvent('fssp.goal.updated', 1, goalFacts);

/** A goal was scored (0 In Crisis .. 3 Thriving): whom it is for, when, the score. */
export const FsspScoreRecorded = defineEvent(
  'fssp.score.recorded',
  1,
  z.strictObject({
    scoreId: id,
    goalId: id,
    planId: id,
    orgId: id,
    participantIds: z.array(id),
    scoreDate: date,
    score: z.number().int().min(0).max(3),
  }),
);

export const FsspPlanClosed = defineEvent('fssp.plan.closed', 1, planFacts);

/** A plan's 6- or 12-month follow-up falls within the next 14 days (announced once, by a job). */
export const FsspFollowUpDue = defineEvent(
  'fssp.follow-up.due',
  1,
  z.strictObject({
    planId: id,
    orgId: id,
    headParticipantId: id,
    caseWorkerUserId: id,
    followUp: z.enum(['six_month', 'twelve_month']),
    dueDate: date,
  }),
);

export const fsspEvents = [
  FsspPlanClosed,
  FsspFollowUpDue,
  FsspPlanCreated,
  FsspGoalAdded,
  FsspGoalUpdated,
  FsspScoreRecorded,
] as const;
