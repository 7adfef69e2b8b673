import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import type { RentAssistanceDeps } from '../deps';
import { budgetTotals, type SaveBudgetBody } from '../domain/budget';
import { insertBudget, latestBudgetOf, type Budget } from '../store/budgets';

/**
 * Save a participant's prosperity budget (the route has passed the gate for writing): each save is
 * kept, dated on the saving organization's calendar; the hub's review asks for the latest date.
 */
export async function saveBudget(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  participantId: string,
  body: SaveBudgetBody,
): Promise<Budget> {
  return withTransaction(deps.pool, async (tx) => {
    const { incomeCents, expenseCents } = budgetTotals(body.lines);
    await insertBudget(tx, {
      id: randomUUID(),
      participantId,
      orgId: actor.orgId,
      savedOn: await organizationToday(tx, actor.orgId, deps.clock),
      savedBy: actor.userId,
      savedAt: deps.clock(),
      incomeCents,
      expenseCents,
      lines: body.lines,
    });
    return (await latestBudgetOf(tx, participantId))!;
  });
}
