import type { Queryable } from '@hearth/db';

export interface ImportedClientKey {
  orgId: string;
  exportId: string;
  personalId: string;
}

export interface ImportedClientOutcome {
  importId: string;
  outcome: 'taken_in' | 'linked' | 'not_taken_in';
  participantId: string | null;
  linkedToParticipantId: string | null;
  reason: string | null;
}

/**
 * Claims the sender's row for this organization: false when it was handled already. A second
 * announcement at the same moment waits on the key until the first commits, then finds it.
 */
export async function claimImportedClient(
  tx: Queryable,
  key: ImportedClientKey,
  importId: string,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO imported_clients (org_id, export_id, personal_id, import_id, outcome, handled_at)
     VALUES ($1, $2, $3, $4, 'not_taken_in', $5) ON CONFLICT DO NOTHING`,
    [key.orgId, key.exportId, key.personalId, importId, now],
  );
  return rowCount === 1;
}

export async function recordImportedClient(
  tx: Queryable,
  key: ImportedClientKey,
  o: ImportedClientOutcome,
): Promise<void> {
  await tx.query(
    `UPDATE imported_clients SET outcome = $4, participant_id = $5, linked_to_participant_id = $6, reason = $7
     WHERE org_id = $1 AND export_id = $2 AND personal_id = $3`,
    [
      key.orgId,
      key.exportId,
      key.personalId,
      o.outcome,
      o.participantId,
      o.linkedToParticipantId,
      o.reason,
    ],
  );
}
