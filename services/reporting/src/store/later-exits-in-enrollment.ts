import type { HmisExitSettled } from '@hearth/events';
import type { Pool, PoolClient } from 'pg';
import type { z } from 'zod';
import { MAX_REFUSALS } from '../domain/import-report';

/**
 * Records enrollment's answer for a later exit: only an exit this import of the importer's
 * organization brought in for an earlier import's enrollment, and only the first answer.
 */
export async function recordLaterExitOutcome(
  tx: PoolClient,
  orgId: string,
  answer: z.infer<typeof HmisExitSettled.data>,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_imported_exit_outcomes (org_id, import_id, exit_id, outcome, reason)
     SELECT x.org_id, x.import_id, x.exit_id, $4, $5
     FROM hmis_imported_exits x
     JOIN hmis_imported_enrollments e ON e.org_id = x.org_id AND e.enrollment_id = x.enrollment_id
     WHERE x.org_id = $2 AND x.import_id = $1 AND x.exit_id = $3 AND e.import_id <> $1
     ON CONFLICT DO NOTHING`,
    [answer.importId, orgId, answer.exitId, answer.outcome, answer.reason],
  );
  return rowCount === 1;
}

export interface LaterExitsInEnrollment {
  recorded: number;
  withEnrollment: number;
  refused: number;
  awaiting: number;
  refusals: Array<{ file: 'Exit.csv'; exitId: string; message: string }>;
}

/**
 * What enrollment made of the exits this import brought for enrollments an earlier import
 * carried onward: the rows announce-imported-exits.ts announces (ids within HUD's 32
 * characters); refusals by ExitID, the first MAX_REFUSALS.
 */
export async function laterExitsInEnrollment(
  db: Pool | PoolClient,
  imported: { orgId: string; importId: string },
): Promise<LaterExitsInEnrollment> {
  const { orgId, importId } = imported;
  const { rows } = await db.query<Omit<LaterExitsInEnrollment, 'refusals'>>(
    `SELECT count(*) FILTER (WHERE o.outcome = 'recorded')::int AS recorded,
       count(*) FILTER (WHERE o.outcome = 'with_enrollment')::int AS "withEnrollment",
       count(*) FILTER (WHERE o.outcome = 'refused')::int AS refused,
       count(*) FILTER (WHERE o.outcome IS NULL)::int AS awaiting
     FROM hmis_imported_exits x
     JOIN hmis_imported_enrollments e ON e.org_id = x.org_id AND e.enrollment_id = x.enrollment_id
     JOIN hmis_imports i ON i.import_id = e.import_id
     LEFT JOIN hmis_imported_exit_outcomes o
       ON o.org_id = x.org_id AND o.import_id = x.import_id AND o.exit_id = x.exit_id
     WHERE x.org_id = $2 AND x.import_id = $1 AND e.import_id <> $1
       AND x.date_deleted IS NULL AND e.date_deleted IS NULL
       AND length(x.exit_id) <= 32 AND length(x.enrollment_id) <= 32
       AND length(x.personal_id) <= 32 AND length(i.export_id) <= 32`,
    [importId, orgId],
  );
  const refused = await db.query<{ exitId: string; message: string }>(
    `SELECT exit_id AS "exitId", coalesce(reason, '') AS message
     FROM hmis_imported_exit_outcomes
     WHERE org_id = $2 AND import_id = $1 AND outcome = 'refused'
     ORDER BY exit_id LIMIT ${MAX_REFUSALS}`,
    [importId, orgId],
  );
  return {
    ...rows[0]!,
    refusals: refused.rows.map((r) => ({ file: 'Exit.csv' as const, ...r })),
  };
}
