import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { createEvent, HmisServiceSettled } from '@hearth/events';
import { settleImportedService, type PendingService } from '../store/hmis-imports';

export type ServiceOutcome = { recordedAs: string } | { refused: string };

/**
 * Settles an imported service and tells reporting, in one transaction: the import's report counts
 * what services made of each of its services. Only a pending row is settled, so each is told once.
 */
export async function settleService(
  tx: Queryable,
  row: PendingService,
  outcome: ServiceOutcome,
  now: Date,
): Promise<void> {
  await settleImportedService(tx, row, outcome, now);
  const key = { importId: row.data.importId, exportId: row.exportId, servicesId: row.servicesId };
  await recordEvent(
    tx,
    createEvent(HmisServiceSettled, {
      orgId: row.orgId,
      ...authorOf(row.importer),
      data:
        'recordedAs' in outcome
          ? { ...key, outcome: 'recorded', recordedAs: outcome.recordedAs }
          : { ...key, outcome: 'refused', reason: outcome.refused.slice(0, 1000) },
    }),
  );
}
