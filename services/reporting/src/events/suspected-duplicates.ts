import type { ConsumerOptions } from '@hearth/bus';
import { DuplicateCleared, DuplicateDismissed, DuplicateSuspected, isEvent } from '@hearth/events';
import { applyCleared, applyDismissed, applySuspected } from '../store/suspected-pairs';

/**
 * Intake's suspected duplicate pairs, for the data-quality report: found (with its score),
 * cleared, dismissed. Ids and score only; any delivery order ends in intake's state.
 */
export function suspectedDuplicatesConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [DuplicateSuspected.type, DuplicateCleared.type, DuplicateDismissed.type],
    handle: async (event, tx) => {
      if (isEvent(event, DuplicateSuspected)) await applySuspected(tx, event.data);
      else if (isEvent(event, DuplicateCleared)) await applyCleared(tx, event.data);
      else if (isEvent(event, DuplicateDismissed)) await applyDismissed(tx, event.data);
    },
  };
}
