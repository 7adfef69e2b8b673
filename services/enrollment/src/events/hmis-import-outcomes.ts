import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { createEvent, HmisEnrollmentSettled } from '@hearth/events';
import { settleImport, type PendingImport } from '../store/hmis-imports';

/** What an imported row became: our enrollment with what services needs of it, or a refusal. */
export type ImportOutcome =
  | { recordedAs: string; programId: string; participantId: string; exitDate: string | null }
  | { refused: string };

/**
 * Settles an imported enrollment and says so, in one transaction: one answer for every reader
 * (the import's report counts it; services records the import's services on it, or refuses them
 * with it). Each row settles once (only a pending one is settled), so each is announced once.
 */
export async function settleImported(
  tx: Queryable,
  row: PendingImport,
  outcome: ImportOutcome,
  now: Date,
): Promise<void> {
  await settleImport(tx, row, outcome, now);
  const { importId, personalId } = row.data;
  const key = { importId, exportId: row.exportId, enrollmentId: row.enrollmentId, personalId };
  await recordEvent(
    tx,
    createEvent(HmisEnrollmentSettled, {
      orgId: row.orgId,
      ...authorOf(row.importer),
      data:
        'recordedAs' in outcome
          ? { ...key, outcome: 'recorded', ...outcome }
          : { ...key, outcome: 'refused', reason: outcome.refused.slice(0, 1000) },
    }),
  );
}
