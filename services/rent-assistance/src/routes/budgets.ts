import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, notFound, type Api } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { budgetLine, saveBudgetBody } from '../domain/budget';
import { latestBudgetOf } from '../store/budgets';
import { saveBudget } from '../use-cases/save-budget';
import { participantFor } from './participant-gate';

const budget = z.strictObject({
  id: z.string(),
  participantId: z.string(),
  orgId: z.string(),
  savedOn: z.string(),
  savedBy: z.string(),
  savedAt: z.string(),
  incomeCents: z.number().int(),
  expenseCents: z.number().int(),
  balanceCents: z.number().int(),
  lines: z.array(budgetLine),
});

/** A participant's prosperity budget: monthly income and expense lines in cents, dated saves. */
export function budgetRoutes(api: Api, deps: RentAssistanceDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/rent-assistance/participants/:id/budgets',
    summary:
      "Save the participant's prosperity budget (dated today on your organization's calendar)",
    tag: 'rent-assistance',
    params: idParams,
    body: saveBudgetBody,
    success: { status: 201, schema: budget },
    handler: async ({ params, body, req, res }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, params.id, 'write', deps.clock());
      const saved = await saveBudget(deps, actor, params.id, body);
      res.location(`/api/v1/rent-assistance/participants/${params.id}/budgets/latest`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/participants/:id/budgets/latest',
    summary: "The participant's latest saved prosperity budget",
    tag: 'rent-assistance',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: budget },
    handler: async ({ params, req }) => {
      await participantFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      const latest = await latestBudgetOf(deps.pool, params.id);
      if (!latest) throw notFound('A saved budget');
      return latest;
    },
  });
}
