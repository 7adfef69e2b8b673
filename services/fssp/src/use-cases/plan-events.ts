import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { FsspPlanClosed, FsspPlanCreated, createEvent } from '@hearth/events';
import type { Plan } from '../store/plans';

/** A plan's event in the transaction of its change: ids, dates and its included members. */
export function announcePlan(
  tx: Queryable,
  definition: typeof FsspPlanCreated | typeof FsspPlanClosed,
  actor: Actor,
  plan: Plan,
): Promise<void> {
  return recordEvent(
    tx,
    createEvent(definition, {
      orgId: plan.orgId,
      ...authorOf(actor),
      data: {
        planId: plan.id,
        orgId: plan.orgId,
        familyId: plan.familyId,
        headParticipantId: plan.headParticipantId,
        enrollmentId: plan.enrollmentId,
        assessmentDate: plan.assessmentDate,
        sixMonthFollowUpDate: plan.sixMonthFollowUpDate,
        twelveMonthFollowUpDate: plan.twelveMonthFollowUpDate,
        memberParticipantIds: plan.members.filter((m) => m.included).map((m) => m.participantId),
        status: plan.status,
      },
    }),
  );
}
