import type { Readable } from 'node:stream';
import { decideAccess, type Actor } from '@hearth/access';
import { organizationToday, orgUserOf } from '@hearth/directory';
import { notFound } from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import { planPdf } from '../adapters/plan-pdf';
import type { FsspDeps } from '../deps';
import { planPrint, type PlanPrint, type PrintPlanQuery } from '../domain/plan-print';
import { goalsOfPlan } from '../store/goals';
import { namesOf } from '../store/participant-names';
import type { Plan } from '../store/plans';
import { scoresOfPlan } from '../store/scores';

/** The PDF of a plan the route has let the actor read: the part asked for; 404 an unknown follow-up. */
export async function printPlan(
  deps: Pick<FsspDeps, 'pool' | 'clock'>,
  actor: Actor,
  plan: Plan,
  q: PrintPlanQuery,
): Promise<Readable> {
  return planPdf(await planPrintFor(deps, actor, plan, q));
}

/** What the print holds for this reader (the PDF draws it). */
export async function planPrintFor(
  deps: Pick<FsspDeps, 'pool' | 'clock'>,
  actor: Actor,
  plan: Plan,
  q: PrintPlanQuery,
): Promise<PlanPrint> {
  const [goals, scores, creator, printedOn] = await Promise.all([
    goalsOfPlan(deps.pool, plan.id),
    scoresOfPlan(deps.pool, plan.id),
    orgUserOf(deps.pool, plan.orgId, plan.createdBy),
    organizationToday(deps.pool, plan.orgId, deps.clock),
  ]);
  const named = [
    ...new Set([
      ...plan.members.map((m) => m.participantId),
      ...goals.flatMap((g) => g.participantIds),
    ]),
  ];
  const print = planPrint({
    plan,
    goals,
    scores,
    creatorName: creator?.name ?? plan.createdBy,
    names: await namesVisibleTo(deps, actor, named),
    printedOn,
    ...q,
  });
  if (!print) throw notFound('The follow-up');
  return print;
}

/**
 * The names of those participants the actor may read, by the same decision as their own records
 * (libs/access; no sharing facts = no one). A hidden member's plan row is the plan's, so the print
 * still answers; only the name stays out (nothing is refused, so nothing is audited).
 */
async function namesVisibleTo(
  deps: Pick<FsspDeps, 'pool' | 'clock'>,
  actor: Actor,
  ids: string[],
): Promise<Map<string, string>> {
  const [sharing, names] = await Promise.all([sharingOf(deps.pool, ids), namesOf(deps.pool, ids)]);
  const now = deps.clock();
  const visible = new Map<string, string>();
  for (const [id, name] of names) {
    const participant = sharing.get(id);
    if (participant && decideAccess({ actor, participant, action: 'read', now }).allowed)
      visible.set(id, name);
  }
  return visible;
}
