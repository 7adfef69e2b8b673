import type { Queryable } from '@hearth/db';
import type { Criterion } from '../domain/criteria';
import type { RegistrationField } from '../domain/registration-answers';

export interface Program {
  id: string;
  orgId: string;
  name: string;
  fundingSource: string;
  grantNumber: string | null;
  activeFrom: string;
  activeTo: string | null;
  serviceCatalogRef: string | null;
  requiredRegistrationFields: RegistrationField[];
  eligibilityCriteria: Criterion[];
  createdAt: string;
}

export type NewProgram = Omit<Program, 'createdAt'> & { createdBy: string };

const toProgram = (r: Record<string, unknown>): Program => ({
  id: r.id as string,
  orgId: r.org_id as string,
  name: r.name as string,
  fundingSource: r.funding_source as string,
  grantNumber: r.grant_number as string | null,
  activeFrom: r.active_from as string,
  activeTo: r.active_to as string | null,
  serviceCatalogRef: r.service_catalog_ref as string | null,
  requiredRegistrationFields: r.required_registration_fields as RegistrationField[],
  eligibilityCriteria: r.eligibility_criteria as Criterion[],
  createdAt: (r.created_at as Date).toISOString(),
});

/** Insert a program; undefined when the organization already has one by that name. */
export async function insertProgram(db: Queryable, p: NewProgram): Promise<Program | undefined> {
  const { rows } = await db.query(
    `INSERT INTO programs (id, org_id, name, funding_source, grant_number, active_from, active_to,
       service_catalog_ref, required_registration_fields, eligibility_criteria, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (org_id, name) DO NOTHING RETURNING *`,
    [
      p.id,
      p.orgId,
      p.name,
      p.fundingSource,
      p.grantNumber,
      p.activeFrom,
      p.activeTo,
      p.serviceCatalogRef,
      p.requiredRegistrationFields,
      JSON.stringify(p.eligibilityCriteria),
      p.createdBy,
    ],
  );
  return rows[0] && toProgram(rows[0]);
}

export async function findProgram(db: Queryable, id: string): Promise<Program | undefined> {
  const { rows } = await db.query('SELECT * FROM programs WHERE id = $1', [id]);
  return rows[0] && toProgram(rows[0]);
}

/** An organization's programs, by name; only those active on `activeOn` when given. */
export async function listPrograms(
  db: Queryable,
  orgId: string,
  activeOn?: string,
): Promise<Program[]> {
  const { rows } = await db.query(
    `SELECT * FROM programs WHERE org_id = $1
       AND ($2::date IS NULL OR (active_from <= $2 AND (active_to IS NULL OR active_to >= $2)))
     ORDER BY name LIMIT 500`,
    [orgId, activeOn ?? null],
  );
  return rows.map(toProgram);
}
