import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { createEvent, HmisEnrollmentSettled } from '@hearth/events';
import { settleImport, type PendingImport } from '../store/hmis-imports';

export type ImportOutcome = { recordedAs: string } | { refused: string };

/**
 * Settles an imported enrollment and tells reporting, in one transaction: the import's report
 * counts what enrollment made of each of its enrollments. Each row settles once (only a pending
 * one is settled), so each is announced once.
 */
export async function settleImported(
  tx: Queryable,
  row: PendingImport,
  outcome: ImportOutcome,
  now: Date,
): Promise<void> {
  await settleImport(tx, row, outcome, now);
  const recorded = 'recordedAs' in outcome;
  await recordEvent(
    tx,
    createEvent(HmisEnrollmentSettled, {
      orgId: row.orgId,
      ...authorOf(row.importer),
      data: {
        importId: row.data.importId,
        exportId: row.exportId,
        enrollmentId: row.enrollmentId,
        outcome: recorded ? 'recorded' : 'refused',
        recordedAs: recorded ? outcome.recordedAs : null,
        reason: recorded ? null : outcome.refused.slice(0, 1000),
      },
    }),
  );
}
