import type { ConsumerOptions } from '@hearth/bus';
import { recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import {
  HmisClientImported,
  HmisClientMatched,
  createEvent,
  isEvent,
  type Envelope,
  type HmisClient,
} from '@hearth/events';
import type { IntakeDeps } from '../deps';
import type { ImportedClientOutcome } from '../store/imported-clients';
import { takeInImportedClient } from '../use-cases/take-in-imported-client';

/**
 * An HMIS import's clients, from reporting. One at a time (prefetch 1): two rows of one export
 * describing the same person are matched in order, so the second finds the first.
 */
export function hmisImportsConsumer(
  deps: Pick<IntakeDeps, 'pool' | 'clock' | 'ssn'>,
): ConsumerOptions {
  return {
    queue: 'intake.hmis-imports',
    eventTypes: [HmisClientImported.type],
    prefetch: 1,
    handle: async (event, tx) => {
      if (isEvent(event, HmisClientImported)) await takeInImportedClient(tx, deps, event);
    },
  };
}

/** intake.hmis-client.matched in `tx`: what the row became, under the importer's name. */
export async function announceImportOutcome(
  tx: Queryable,
  imported: Envelope<HmisClient>,
  outcome: ImportedClientOutcome,
): Promise<void> {
  await recordEvent(
    tx,
    createEvent(HmisClientMatched, {
      orgId: imported.orgId,
      actor: imported.actor,
      ...(imported.requestId ? { requestId: imported.requestId } : {}),
      data: {
        exportId: imported.data.exportId,
        personalId: imported.data.personalId,
        ...outcome,
      },
    }),
  );
}
