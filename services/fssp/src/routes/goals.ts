import { z } from 'zod';
import { decideAccess } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, idempotencyHeaders, uuid, type Api } from '@hearth/http';
import type { FsspDeps } from '../deps';
import { GOAL_KINDS, GOAL_STATUSES, createGoalBody, updateGoalBody } from '../domain/goal';
import { SCORE_LABELS, recordScoreBody } from '../domain/score';
import { goalsOf, goalsOfPlan } from '../store/goals';
import { scoresOf } from '../store/scores';
import { addGoal } from '../use-cases/add-goal';
import { changeGoal } from '../use-cases/change-goal';
import { recordScore } from '../use-cases/record-score';
import { writeOnce } from '../use-cases/write-once';
import { goalFor } from './goal-gate';
import { participantFor } from './participant-gate';
import { planFor } from './plan-gate';

const datedScore = z.strictObject({ scoreDate: z.string(), score: z.number().int() });
const score = z.strictObject({
  id: z.string(),
  goalId: z.string(),
  scoreDate: z.string(),
  score: z.number().int(),
  label: z.enum(SCORE_LABELS),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
const labelled = <S extends { score: number }>(s: S) => ({ ...s, label: SCORE_LABELS[s.score] });

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
  progress: z
    .strictObject({ first: datedScore, latest: datedScore, change: z.number().int() })
    .nullable()
    .describe('The first and latest score by date and the change; null before any score'),
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
    headers: idempotencyHeaders,
    success: { status: 201, schema: goal },
    handler: async ({ body, headers, req, res }) => {
      const actor = actorOf(req);
      await planFor(deps.pool, actor, body.planId, 'write', deps.clock());
      const retry = { key: headers['idempotency-key'], request: ['POST /goals', body] };
      const saved = await writeOnce(deps, actor, res, retry, 201, (tx) =>
        addGoal(tx, deps, actor, body),
      );
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
      await goalFor(deps.pool, actor, params.id, 'write', deps.clock(), body.participantId);
      return changeGoal(deps, actor, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/goals/:id/scores',
    summary:
      'Score a goal (0 In Crisis, 1 At Risk, 2 Moderately Stable, 3 Thriving) through a member',
    tag: 'goals',
    params: idParams,
    body: recordScoreBody,
    headers: idempotencyHeaders,
    success: { status: 201, schema: score },
    handler: async ({ params, body, headers, req, res }) => {
      const actor = actorOf(req);
      await goalFor(deps.pool, actor, params.id, 'write', deps.clock(), body.participantId);
      const retry = { key: headers['idempotency-key'], request: ['POST scores', params, body] };
      return writeOnce(deps, actor, res, retry, 201, async (tx) =>
        labelled(await recordScore(tx, deps, actor, params.id, body)),
      );
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/goals/:id/scores',
    summary: "A goal's whole score history, by date",
    tag: 'goals',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(score) }) },
    handler: async ({ params, req }) => {
      await goalFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      return { items: (await scoresOf(deps.pool, params.id)).map(labelled) };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/fssps/:id/goals',
    summary: "An FSSP's goals, each with its first and latest score and the change",
    tag: 'fssps',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(goal) }) },
    handler: async ({ params, req }) => {
      await planFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      return { items: await goalsOfPlan(deps.pool, params.id) };
    },
  });
}
