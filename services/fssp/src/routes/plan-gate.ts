import { auditDenialAfterAnswer, decideAccess, type Action, type Actor } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { notFound } from '@hearth/http';
import { findPlan, type Plan } from '../store/plans';
import { participantFor } from './participant-gate';

/**
 * A plan is a record of its organization about the head of household: the participant gate
 * decides the head, then the plan's scope ("mou": its organization, or one holding an active
 * release; only its organization changes it). Denied = 404 like an unknown plan, audited.
 */
export async function planFor(
  pool: Queryable,
  actor: Actor,
  planId: string,
  action: Action,
  now: Date,
): Promise<Plan> {
  const plan = await findPlan(pool, planId);
  if (!plan) throw notFound('The FSSP');
  const head = await participantFor(pool, actor, plan.headParticipantId, action, now, 'The FSSP');
  const decision = decideAccess({
    actor,
    participant: head.sharing,
    record: { orgId: plan.orgId, restriction: 'mou' },
    action,
    now,
  });
  if (!decision.allowed) {
    auditDenialAfterAnswer(pool, actor, plan.headParticipantId, action, decision.reason);
    throw notFound('The FSSP');
  }
  return plan;
}
