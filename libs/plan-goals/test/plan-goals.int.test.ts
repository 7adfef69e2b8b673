import { randomUUID } from 'node:crypto';
import { createPool, migrate, type Pool } from '@hearth/db';
import { createTestDatabase, testLogger } from '@hearth/testkit';
import {
  applyGoal,
  goalsOf,
  planGoalFactsMigrations,
  planGoalProblems,
  type GoalSnapshot,
} from '../src';

let pool: Pool;
let drop: () => Promise<void>;
beforeAll(async () => {
  const db = await createTestDatabase('plan_goals');
  drop = db.drop;
  pool = createPool(db.url, testLogger('plan-goals'));
  await migrate(pool, [planGoalFactsMigrations], testLogger('plan-goals'));
});
afterAll(async () => {
  await pool?.end();
  await drop?.();
});

const orgId = randomUUID();
const goal = (over: Partial<GoalSnapshot>): GoalSnapshot => ({
  goalId: randomUUID(),
  planId: randomUUID(),
  orgId,
  kind: 'individual',
  participantIds: [randomUUID()],
  barrierIds: [],
  category: 'employment',
  goal: 'find_job',
  startDate: '2026-01-05',
  targetDate: '2026-06-30',
  status: 'open',
  version: 1,
  ...over,
});

test('a family goal is a goal of each member it lists, with its barriers', async () => {
  const [head, child, other] = [randomUUID(), randomUUID(), randomUUID()];
  const barrier = randomUUID();
  const g = goal({ kind: 'family', participantIds: [head, child], barrierIds: [barrier] });
  await applyGoal(pool, g);
  const expected = [{ goalId: g.goalId, barrierIds: [barrier], isOpen: true }];
  expect(await goalsOf(pool, orgId, head)).toEqual(expected);
  expect(await goalsOf(pool, orgId, child)).toEqual(expected);
  expect(await goalsOf(pool, orgId, other)).toEqual([]);
  // the same participant at another organization has no plan there
  expect(await goalsOf(pool, randomUUID(), head)).toEqual([]);
});

test('an older version delivered after a newer one changes nothing', async () => {
  const [head, child] = [randomUUID(), randomUUID()];
  const [first, second] = [randomUUID(), randomUUID()];
  const v1 = goal({ kind: 'family', participantIds: [head], barrierIds: [first] });
  const v2 = {
    ...v1,
    participantIds: [head, child],
    barrierIds: [second],
    status: 'closed' as const,
    version: 2,
  };
  await applyGoal(pool, v2);
  await applyGoal(pool, v1);
  const expected = [{ goalId: v1.goalId, barrierIds: [second], isOpen: false }];
  expect(await goalsOf(pool, orgId, child)).toEqual(expected);
  expect(await goalsOf(pool, orgId, head)).toEqual(expected);
});

test('the goals and barriers a record names must be the participant’s, a barrier of the named goal', async () => {
  const [mine, theirs] = [randomUUID(), randomUUID()];
  const [b1, b2, b3] = [randomUUID(), randomUUID(), randomUUID()];
  const g1 = goal({ participantIds: [mine], barrierIds: [b1] });
  const g2 = goal({ participantIds: [mine], barrierIds: [b2] });
  const g3 = goal({ participantIds: [theirs], barrierIds: [b3] });
  for (const g of [g1, g2, g3]) await applyGoal(pool, g);
  const owner = { orgId, participantId: mine };
  const named = (field: string, id: string) => [{ field, id }];
  expect(
    await planGoalProblems(pool, owner, named('goalId', g1.goalId), named('barrierId', b1)),
  ).toEqual([]);
  expect(await planGoalProblems(pool, owner, [], named('barrierId', b2))).toEqual([]);
  expect(await planGoalProblems(pool, owner, named('goalId', g3.goalId), [])).toEqual([
    { field: 'goalId', message: "Not a goal of this participant's plan" },
  ]);
  // b2 is mine, but under g2, not under the goal named
  expect(
    await planGoalProblems(pool, owner, named('goalId', g1.goalId), named('barrierId', b2)),
  ).toEqual([{ field: 'barrierId', message: 'Not a barrier of the goal named' }]);
  expect(await planGoalProblems(pool, owner, [], named('barrierIds.0', b3))).toEqual([
    { field: 'barrierIds.0', message: "Not a barrier of this participant's plan" },
  ]);
  expect(
    await planGoalProblems(
      pool,
      { orgId: randomUUID(), participantId: mine },
      named('goalId', g1.goalId),
      [],
    ),
  ).toEqual([{ field: 'goalId', message: "Not a goal of this participant's plan" }]);
});
