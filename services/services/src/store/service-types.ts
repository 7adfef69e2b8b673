import type { Queryable } from '@hearth/db';
import type { ServiceTypeRules } from '../domain/service-record';

export interface ServiceTypeFields extends Omit<ServiceTypeRules, 'programId'> {
  name: string;
  startsParticipation: boolean;
  updatesLastQualifyingDate: boolean;
}
export interface ServiceType extends ServiceTypeFields {
  id: string;
  orgId: string;
  programId: string;
  version: number;
}

const columns = `id, org_id AS "orgId", program_id AS "programId", name,
  requires_comment AS "requiresComment", requires_provided_by AS "requiresProvidedBy",
  provided_by_options AS "providedByOptions", starts_participation AS "startsParticipation",
  updates_last_qualifying_date AS "updatesLastQualifyingDate", dated, training,
  units_allowed AS "unitsAllowed", amount_allowed AS "amountAllowed", version`;

const values = (t: ServiceTypeFields) => [
  t.name,
  t.requiresComment,
  t.requiresProvidedBy,
  [...new Set(t.providedByOptions)],
  t.startsParticipation,
  t.updatesLastQualifyingDate,
  t.dated,
  t.training,
  t.unitsAllowed,
  t.amountAllowed,
];

/** Insert a catalog entry; undefined when its program already has a type by that name. */
export async function insertServiceType(
  db: Queryable,
  t: ServiceTypeFields & { id: string; orgId: string; programId: string; createdBy: string },
): Promise<ServiceType | undefined> {
  const { rows } = await db.query<ServiceType>(
    `INSERT INTO service_types (id, org_id, program_id, created_by, name, requires_comment,
       requires_provided_by, provided_by_options, starts_participation,
       updates_last_qualifying_date, dated, training, units_allowed, amount_allowed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (program_id, name) DO NOTHING RETURNING ${columns}`,
    [t.id, t.orgId, t.programId, t.createdBy, ...values(t)],
  );
  return rows[0];
}

export async function findServiceType(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ServiceType | undefined> {
  const lock = options.lock ? ' FOR UPDATE' : '';
  const { rows } = await db.query<ServiceType>(
    `SELECT ${columns} FROM service_types WHERE id = $1${lock}`,
    [id],
  );
  return rows[0];
}

/** Write the whole changed entry and move its version on; undefined on a name already used. */
export async function updateServiceType(
  db: Queryable,
  id: string,
  t: ServiceTypeFields,
): Promise<ServiceType | undefined> {
  const { rows } = await db.query<ServiceType>(
    `UPDATE service_types SET name = $2, requires_comment = $3, requires_provided_by = $4,
       provided_by_options = $5, starts_participation = $6, updates_last_qualifying_date = $7,
       dated = $8, training = $9, units_allowed = $10, amount_allowed = $11,
       version = version + 1, updated_at = now()
     WHERE id = $1
       AND NOT EXISTS (SELECT 1 FROM service_types o
                       WHERE o.program_id = service_types.program_id AND o.name = $2 AND o.id <> $1)
     RETURNING ${columns}`,
    [id, ...values(t)],
  );
  return rows[0];
}

export async function serviceTypesOf(db: Queryable, orgId: string, programId: string) {
  const { rows } = await db.query<ServiceType>(
    `SELECT ${columns} FROM service_types WHERE org_id = $1 AND program_id = $2 ORDER BY name`,
    [orgId, programId],
  );
  return rows;
}

/** The type of this name in a program's catalog (names are unique per program). */
export async function findServiceTypeNamed(
  db: Queryable,
  programId: string,
  name: string,
): Promise<ServiceType | undefined> {
  const { rows } = await db.query<ServiceType>(
    `SELECT ${columns} FROM service_types WHERE program_id = $1 AND name = $2`,
    [programId, name],
  );
  return rows[0];
}
