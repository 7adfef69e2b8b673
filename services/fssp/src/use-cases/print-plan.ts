import type { Readable } from 'node:stream';
import { organizationToday, orgUserOf } from '@hearth/directory';
import { notFound } from '@hearth/http';
import { planPdf } from '../adapters/plan-pdf';
import type { FsspDeps } from '../deps';
import { planPrint, type PrintPlanQuery } from '../domain/plan-print';
import { goalsOfPlan } from '../store/goals';
import type { Plan } from '../store/plans';
import { scoresOfPlan } from '../store/scores';

/** The PDF of a plan the route has let the actor read: the part asked for; 404 an unknown follow-up. */
export async function printPlan(
  deps: Pick<FsspDeps, 'pool' | 'clock'>,
  plan: Plan,
  q: PrintPlanQuery,
): Promise<Readable> {
  const [goals, scores, creator, printedOn] = await Promise.all([
    goalsOfPlan(deps.pool, plan.id),
    scoresOfPlan(deps.pool, plan.id),
    orgUserOf(deps.pool, plan.orgId, plan.createdBy),
    organizationToday(deps.pool, plan.orgId, deps.clock),
  ]);
  const print = planPrint({
    plan,
    goals,
    scores,
    creatorName: creator?.name ?? plan.createdBy,
    printedOn,
    ...q,
  });
  if (!print) throw notFound('The follow-up');
  return planPdf(print);
}
