import type { HmisClientMatched } from '@hearth/events';
import type { Pool, PoolClient } from 'pg';
import type { z } from 'zod';

/** In the announcement's transaction: these rows now wait for intake's answer. */
export async function markAnnounced(tx: PoolClient, orgId: string, personalIds: string[]) {
  await tx.query(
    `UPDATE hmis_imported_clients SET intake_outcome = 'awaiting'
     WHERE org_id = $1 AND personal_id = ANY($2::text[])`,
    [orgId, personalIds],
  );
}

/**
 * The DisablingCondition code (3.08) of each client this import added, from the client's imported
 * enrollments that stand (not deleted): the one of the latest EntryDate that holds an answer,
 * so a later "not collected" (99, or empty) does not hide what an earlier enrollment was told
 * (then the latest DateUpdated of that day). A client without one is not in the map.
 */
export async function disablingCodesOf(tx: PoolClient, importId: string) {
  const { rows } = await tx.query<{ id: string; code: number }>(
    `SELECT DISTINCT ON (e.personal_id) e.personal_id AS id, e.disabling_condition AS code
     FROM hmis_imported_clients c
     JOIN hmis_imported_enrollments e ON e.org_id = c.org_id AND e.personal_id = c.personal_id
     WHERE c.import_id = $1 AND e.date_deleted IS NULL AND e.disabling_condition <> 99
     ORDER BY e.personal_id, e.entry_date DESC, e.date_updated DESC, e.enrollment_id DESC`,
    [importId],
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}

/**
 * Records intake's answer beside the imported row it is about: the importer's organization (the
 * envelope's), the import that added the row and its ExportID. Only a row still awaiting takes
 * it, so a repeated or late answer, or one naming what this import did not bring in, changes
 * nothing. Answers whether a row took it.
 */
export async function recordIntakeOutcome(
  tx: PoolClient,
  orgId: string,
  answer: z.infer<typeof HmisClientMatched.data>,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE hmis_imported_clients c SET intake_outcome = $5, participant_id = $6,
       linked_to_participant_id = $7
     FROM hmis_imports i
     WHERE c.org_id = $1 AND c.import_id = $2 AND c.personal_id = $3
       AND i.import_id = c.import_id AND i.export_id = $4 AND c.intake_outcome = 'awaiting'`,
    [
      orgId,
      answer.importId,
      answer.personalId,
      answer.exportId,
      answer.outcome,
      answer.participantId,
      answer.linkedToParticipantId,
    ],
  );
  return rowCount === 1;
}

export interface ClientsInIntake {
  takenIn: number;
  linked: number;
  notTakenIn: number;
  awaiting: number;
  /** Rows never announced (an id past HUD's 32 characters): they stay reporting's alone. */
  keptHere: number;
}

/** What intake made of the clients this import added, so far. */
export async function clientsInIntake(db: Pool | PoolClient, importId: string) {
  const { rows } = await db.query<ClientsInIntake>(
    `SELECT count(*) FILTER (WHERE intake_outcome = 'taken_in')::int AS "takenIn",
       count(*) FILTER (WHERE intake_outcome = 'linked')::int AS linked,
       count(*) FILTER (WHERE intake_outcome = 'not_taken_in')::int AS "notTakenIn",
       count(*) FILTER (WHERE intake_outcome = 'awaiting')::int AS awaiting,
       count(*) FILTER (WHERE intake_outcome IS NULL)::int AS "keptHere"
     FROM hmis_imported_clients WHERE import_id = $1`,
    [importId],
  );
  return rows[0]!;
}
