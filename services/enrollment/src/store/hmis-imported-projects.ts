import type { Queryable } from '@hearth/db';
import type { HmisProject } from '@hearth/events';

/**
 * Holds the importer's project (organization and ProjectID) until the transaction ends: the
 * program made for it and its announced information meet in one order, never missing each other.
 */
export async function lockImportedProject(tx: Queryable, orgId: string, projectId: string) {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 17))', [
    `${orgId}/${projectId}`,
  ]);
}

/** Keeps a project's announced information; false when one was kept before (it stands). */
export async function keepProjectFacts(
  tx: Queryable,
  orgId: string,
  facts: HmisProject,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_imported_project_facts (org_id, project_id, facts) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING`,
    [orgId, facts.projectId, JSON.stringify(facts)],
  );
  return rowCount === 1;
}

export async function projectFactsOf(
  db: Queryable,
  orgId: string,
  projectId: string,
): Promise<HmisProject | null> {
  const { rows } = await db.query<{ facts: HmisProject }>(
    'SELECT facts FROM hmis_imported_project_facts WHERE org_id = $1 AND project_id = $2',
    [orgId, projectId],
  );
  return rows[0]?.facts ?? null;
}
