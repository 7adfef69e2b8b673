import type { ConsumerOptions } from '@hearth/bus';
import { FsspGoalAdded, FsspGoalUpdated, isEvent } from '@hearth/events';
import { applyGoal } from './plan-goals';

/**
 * The consumer a service mounts to keep fssp's goals and their barriers, under its own queue
 * (`<service>.plan-goals`). Each event is the whole goal with its version, so applying the newest
 * one ends in fssp's state whatever the delivery order.
 */
export function planGoalsConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [FsspGoalAdded.type, FsspGoalUpdated.type],
    handle: async (event, tx) => {
      if (isEvent(event, FsspGoalAdded) || isEvent(event, FsspGoalUpdated))
        await applyGoal(tx, event.data);
    },
  };
}
