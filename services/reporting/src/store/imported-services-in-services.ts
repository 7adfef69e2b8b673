import type { HmisServiceOutcome } from '@hearth/events';
import type { Pool, PoolClient } from 'pg';
import { MAX_REFUSALS } from '../domain/import-report';

/**
 * Records the services service's answer for an imported service: only one this import of the
 * importer's organization brought in, and only the first (a replay or a stranger's answer changes
 * nothing).
 */
export async function recordServiceOutcome(
  tx: PoolClient,
  orgId: string,
  answer: HmisServiceOutcome,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_imported_service_outcomes
       (org_id, import_id, services_id, outcome, recorded_as, reason)
     SELECT s.org_id, s.import_id, s.services_id, $5, $6, $7
     FROM hmis_imported_services s JOIN hmis_imports i ON i.import_id = s.import_id
     WHERE s.org_id = $1 AND s.import_id = $2 AND s.services_id = $3 AND i.export_id = $4
     ON CONFLICT DO NOTHING`,
    [
      orgId,
      answer.importId,
      answer.servicesId,
      answer.exportId,
      answer.outcome,
      answer.outcome === 'recorded' ? answer.recordedAs : null,
      answer.outcome === 'refused' ? answer.reason : null,
    ],
  );
  return rowCount === 1;
}

export interface ServicesInServices {
  recorded: number;
  refused: number;
  /** Announced, the services service's answer not here yet (its enrollment not settled yet). */
  awaiting: number;
  refusals: Array<{ file: 'Services.csv'; servicesId: string; message: string }>;
}

/**
 * What the services service made of this import's Services.csv rows so far. Only announced rows
 * count (the ids within HUD's 32 characters, as the announcement sends them); refusals by
 * ServicesID, the first MAX_REFUSALS.
 */
export async function servicesInServices(
  db: Pool | PoolClient,
  imported: { orgId: string; importId: string },
): Promise<ServicesInServices> {
  const { orgId, importId } = imported;
  const { rows } = await db.query<Omit<ServicesInServices, 'refusals'>>(
    `SELECT count(*) FILTER (WHERE o.outcome = 'recorded')::int AS recorded,
       count(*) FILTER (WHERE o.outcome = 'refused')::int AS refused,
       count(*) FILTER (WHERE o.outcome IS NULL)::int AS awaiting
     FROM hmis_imported_services s JOIN hmis_imports i ON i.import_id = s.import_id
     LEFT JOIN hmis_imported_service_outcomes o
       ON o.org_id = s.org_id AND o.import_id = s.import_id AND o.services_id = s.services_id
     WHERE s.org_id = $2 AND s.import_id = $1 AND length(s.services_id) <= 32
       AND length(s.enrollment_id) <= 32 AND length(s.personal_id) <= 32
       AND length(i.export_id) <= 32`,
    [importId, orgId],
  );
  const refused = await db.query<{ servicesId: string; message: string }>(
    `SELECT services_id AS "servicesId", coalesce(reason, '') AS message
     FROM hmis_imported_service_outcomes
     WHERE org_id = $2 AND import_id = $1 AND outcome = 'refused'
     ORDER BY services_id LIMIT ${MAX_REFUSALS}`,
    [importId, orgId],
  );
  return {
    ...rows[0]!,
    refusals: refused.rows.map((r) => ({ file: 'Services.csv' as const, ...r })),
  };
}
