export {
  applyGoal,
  goalsOf,
  planGoalFactsMigrations,
  planGoalProblems,
  type GoalSnapshot,
  type KnownGoal,
  type NamedId,
} from './plan-goals';
export { planGoalsConsumer } from './consumer';
