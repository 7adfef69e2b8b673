import type { ConsumerOptions } from '@hearth/bus';
import { SharingStateChanged, SharingStateChangedV2, isEvent } from '@hearth/events';
import { applySharingState } from './facts';

/**
 * The consumer every service mounts to keep its copy of who may see a participant, under its own
 * queue name (`<service>.sharing-facts`). An older or repeated version is acknowledged without
 * effect, and a state for a participant not yet known here is kept: nothing waits for the
 * participant's creation, so a tightening is never retried into the dead-letter queue.
 * v1 `intake.sharing.changed` shares the routing key but carries no version: it is ignored; v2
 * (before releases had a scope) is kept as v3 with every release `full`.
 */
export function sharingFactsConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [SharingStateChanged.type],
    handle: async (event, tx) => {
      if (isEvent(event, SharingStateChanged)) await applySharingState(tx, event.data);
      // v2, still in an outbox when intake moved to v3, knew only releases signed in intake
      if (isEvent(event, SharingStateChangedV2))
        await applySharingState(tx, {
          ...event.data,
          releases: event.data.releases.map((r) => ({ ...r, scope: 'full' as const })),
        });
    },
  };
}
