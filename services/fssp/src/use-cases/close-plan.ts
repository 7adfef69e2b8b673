import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { FsspPlanClosed } from '@hearth/events';
import { conflict, requireCurrentVersion, unprocessable } from '@hearth/http';
import type { FsspDeps } from '../deps';
import type { ClosePlanBody } from '../domain/follow-up';
import { closePlanRow, findPlan, type Plan } from '../store/plans';
import { announcePlan } from './plan-events';

/**
 * Close a plan (the route has passed the gate for writing): its members may then be on a new
 * plan; `fssp.plan.closed` commits with it.
 */
export async function closePlan(
  deps: Pick<FsspDeps, 'pool' | 'clock'>,
  actor: Actor,
  planId: string,
  body: ClosePlanBody,
): Promise<Plan> {
  return withTransaction(deps.pool, async (tx) => {
    const plan = (await findPlan(tx, planId, true))!; // the gate found it; plans are never deleted
    requireCurrentVersion('FSSP', plan.version, body.version);
    if (plan.status !== 'open')
      throw conflict('The FSSP is closed already.', [{ field: 'version', message: 'Closed' }]);
    const today = await organizationToday(tx, actor.orgId, deps.clock);
    if (body.closedOn > today || body.closedOn < plan.assessmentDate)
      throw unprocessable('A plan closes between its assessment and today.', [
        { field: 'closedOn', message: `From ${plan.assessmentDate} to ${today}` },
      ]);
    await closePlanRow(tx, planId, body.closedOn);
    const closed = (await findPlan(tx, planId))!;
    await announcePlan(tx, FsspPlanClosed, actor, closed);
    return closed;
  });
}
