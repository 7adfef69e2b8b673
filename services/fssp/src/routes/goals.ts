import { z } from 'zod';
import { decideAccess } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, notFound, unprocessable, uuid, type Api } from '@hearth/http';
import type { FsspDeps } from '../deps';
import { GOAL_KINDS, GOAL_STATUSES, createGoalBody, updateGoalBody } from '../domain/goal';
import { findGoal, goalsOf } from '../store/goals';
import { addGoal } from '../use-cases/add-goal';
import { changeGoal } from '../use-cases/change-goal';
import { participantFor } from './participant-gate';
import { planFor } from './plan-gate';

const goal = z.strictObject({
  id: z.string(),
  planId: z.string(),
  orgId: z.string(),
  kind: z.enum(GOAL_KINDS),
  participantIds: z.array(z.string()),
  category: z.string(),
  goal: z.string(),
  startDate: z.string(),
  targetDate: z.string(),
  strengths: z.string(),
  status: z.enum(GOAL_STATUSES),
  barriers: z.array(z.strictObject({ id: z.string(), description: z.string() })),
  actionSteps: z.array(
    z.strictObject({ text: z.string(), dueDate: z.string(), doneDate: z.string().nullable() }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A plan's goals and barriers: added to an open plan, changed through any of their members. */
export function goalRoutes(api: Api, deps: FsspDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/goals',
    summary: 'Add a goal (individual, or family with its members) to an open FSSP',
    tag: 'goals',
    body: createGoalBody.extend({
      goal: createGoalBody.shape.goal.describe("One of the category's goals in the catalog"),
      targetDate: createGoalBody.shape.targetDate.describe('Not before the start date'),
    }),
    success: { status: 201, schema: goal },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      await planFor(deps.pool, actor, body.planId, 'write', deps.clock());
      const saved = await addGoal(deps, actor, body);
      res.location(`/api/v1/goals/${saved.id}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/goals',
    summary: "A participant's goals, individual and family, the newest first: those you may read",
    tag: 'goals',
    query: z.strictObject({ participantId: uuid() }),
    success: { status: 200, schema: z.object({ items: z.array(goal) }) },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const p = await participantFor(deps.pool, actor, query.participantId, 'read', now);
      const goals = await goalsOf(deps.pool, query.participantId, 200);
      const scope = (orgId: string) => ({ orgId, restriction: 'mou' as const });
      return {
        items: goals.filter(
          (g) =>
            decideAccess({
              actor,
              participant: p.sharing,
              record: scope(g.orgId),
              action: 'read',
              now,
            }).allowed,
        ),
      };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/goals/:id',
    summary: 'Change a goal through one of its members; a family goal changes for all of them',
    tag: 'goals',
    params: idParams,
    body: updateGoalBody,
    success: { status: 200, schema: goal },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const found = await findGoal(deps.pool, params.id);
      if (!found) throw notFound('The goal');
      await planFor(deps.pool, actor, found.planId, 'write', now);
      if (!found.participantIds.includes(body.participantId))
        throw unprocessable('A goal is changed through one of its members.', [
          { field: 'participantId', message: 'Not a member of this goal' },
        ]);
      await participantFor(deps.pool, actor, body.participantId, 'write', now, 'The goal');
      return changeGoal(deps, actor, params.id, body);
    },
  });
}
