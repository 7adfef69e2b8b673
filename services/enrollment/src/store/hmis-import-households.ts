import type { Queryable } from '@hearth/db';
import type { PendingImport } from './hmis-imports';

/** One imported household: the sender's HouseholdID within an organization's export. */
export interface ImportedHousehold {
  orgId: string;
  exportId: string;
  householdId: string;
}
export interface ImportedHead {
  enrollmentId: string;
  state: 'pending' | 'recorded' | 'refused';
  recordedAs: string | null;
}

/**
 * A head and its members settle under this lock (taken after the client's own), so a head being
 * recorded and a member's answer arriving at once cannot each miss the other.
 */
export async function lockImportedHousehold(tx: Queryable, h: ImportedHousehold) {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 110))', [
    `${h.orgId}/${h.exportId}/${h.householdId}`,
  ]);
}

export const householdOf = (row: Pick<PendingImport, 'orgId' | 'exportId' | 'data'>) => ({
  orgId: row.orgId,
  exportId: row.exportId,
  householdId: row.data.householdId,
});

/** The household's head (RelationshipToHoH 1) as imported, or null while it has not arrived. */
export async function importedHeadOf(
  db: Queryable,
  h: ImportedHousehold,
): Promise<ImportedHead | null> {
  const { rows } = await db.query<ImportedHead>(
    `SELECT enrollment_id AS "enrollmentId", state, recorded_as AS "recordedAs"
     FROM hmis_import_enrollments
     WHERE org_id = $1 AND export_id = $2 AND data->>'householdId' = $3
       AND (data->>'relationshipToHoH')::int = 1
     ORDER BY enrollment_id LIMIT 1`,
    [h.orgId, h.exportId, h.householdId],
  );
  return rows[0] ?? null;
}

/** The household's members still pending, with the participant intake named (null: no answer yet). */
export async function pendingMembersOf(
  db: Queryable,
  h: ImportedHousehold,
): Promise<PendingImport[]> {
  const { rows } = await db.query<PendingImport>(
    `SELECT org_id AS "orgId", export_id AS "exportId", enrollment_id AS "enrollmentId",
            importer, data
     FROM hmis_import_enrollments
     WHERE org_id = $1 AND export_id = $2 AND data->>'householdId' = $3
       AND (data->>'relationshipToHoH')::int <> 1 AND state = 'pending'
     ORDER BY enrollment_id`,
    [h.orgId, h.exportId, h.householdId],
  );
  return rows;
}
