import type { PoolClient } from 'pg';
import type { ImportedFile } from '../domain/hud-import-rules';
import type { HeldStamp } from '../domain/imported-row-changes';

/** Where each imported file's rows are kept: table, HUD id column, and each column's record key. */
const TABLES: Record<
  ImportedFile,
  { table: string; id: string; columns: [column: string, key: string, type: string][] }
> = {
  Organization: {
    table: 'hmis_imported_organizations',
    id: 'organization_id',
    columns: [
      ['organization_id', 'organizationId', 'text'],
      ['name', 'name', 'text'],
      ['victim_service_provider', 'victimServiceProvider', 'smallint'],
    ],
  },
  Project: {
    table: 'hmis_imported_projects',
    id: 'project_id',
    columns: [
      ['project_id', 'projectId', 'text'],
      ['organization_id', 'organizationId', 'text'],
      ['name', 'name', 'text'],
      ['operating_start_date', 'operatingStartDate', 'date'],
      ['operating_end_date', 'operatingEndDate', 'date'],
      ['continuum_project', 'continuumProject', 'smallint'],
      ['project_type', 'projectType', 'smallint'],
      ['project_common_name', 'projectCommonName', 'text'],
      ['housing_type', 'housingType', 'smallint'],
      ['rrh_sub_type', 'rrhSubType', 'smallint'],
      ['residential_affiliation', 'residentialAffiliation', 'smallint'],
      ['target_population', 'targetPopulation', 'smallint'],
      ['hopwa_med_assisted_living_fac', 'hopwaMedAssistedLivingFac', 'smallint'],
      ['pit_count', 'pitCount', 'integer'],
    ],
  },
  Funder: {
    table: 'hmis_imported_funders',
    id: 'funder_id',
    columns: [
      ['funder_id', 'funderId', 'text'],
      ['project_id', 'projectId', 'text'],
      ['funder', 'funder', 'smallint'],
      ['other_funder', 'otherFunder', 'text'],
      ['grant_id', 'grantId', 'text'],
      ['start_date', 'startDate', 'date'],
      ['end_date', 'endDate', 'date'],
    ],
  },
  Client: {
    table: 'hmis_imported_clients',
    id: 'personal_id',
    columns: [
      ['personal_id', 'personalId', 'text'],
      ['first_name', 'firstName', 'text'],
      ['last_name', 'lastName', 'text'],
      ['dob', 'dob', 'date'],
      ['sex', 'sex', 'smallint'],
      ['veteran_status', 'veteranStatus', 'smallint'],
      ['name_data_quality', 'nameDataQuality', 'smallint'],
      ['dob_data_quality', 'dobDataQuality', 'smallint'],
    ],
  },
  Enrollment: {
    table: 'hmis_imported_enrollments',
    id: 'enrollment_id',
    columns: [
      ['enrollment_id', 'enrollmentId', 'text'],
      ['personal_id', 'personalId', 'text'],
      ['project_id', 'projectId', 'text'],
      ['household_id', 'householdId', 'text'],
      ['entry_date', 'entryDate', 'date'],
      ['relationship_to_hoh', 'relationshipToHoH', 'smallint'],
      ['disabling_condition', 'disablingCondition', 'smallint'],
    ],
  },
  Exit: {
    table: 'hmis_imported_exits',
    id: 'exit_id',
    columns: [
      ['exit_id', 'exitId', 'text'],
      ['enrollment_id', 'enrollmentId', 'text'],
      ['personal_id', 'personalId', 'text'],
      ['exit_date', 'exitDate', 'date'],
      ['destination', 'destination', 'smallint'],
    ],
  },
  Services: {
    table: 'hmis_imported_services',
    id: 'services_id',
    columns: [
      ['services_id', 'servicesId', 'text'],
      ['enrollment_id', 'enrollmentId', 'text'],
      ['personal_id', 'personalId', 'text'],
      ['date_provided', 'dateProvided', 'date'],
      ['record_type', 'recordType', 'smallint'],
      ['type_provided', 'typeProvided', 'smallint'],
      ['fa_amount_cents', 'faAmountCents', 'integer'],
    ],
  },
};
const STAMPS: [string, string, string][] = [
  ['date_created', 'dateCreated', 'timestamp'],
  ['date_updated', 'dateUpdated', 'timestamp'],
  ['date_deleted', 'dateDeleted', 'timestamp'],
];

/** Each column's values of the rows, as arrays for unnest. */
const arraysOf = (all: [string, string, string][], rows: object[]) =>
  all.map(([, key]) => rows.map((r) => (r as Record<string, unknown>)[key] ?? null));

/** The HUD id of a file's record (its first column). */
export const hudIdOf = (file: ImportedFile) => {
  const key = TABLES[file].columns[0]![1];
  return (record: object) => (record as Record<string, string>)[key]!;
};

/** What the organization holds of these HUD ids of one file: DateUpdated, and whether deleted. */
export async function heldStamps(
  tx: PoolClient,
  file: ImportedFile,
  orgId: string,
  ids: string[],
): Promise<Map<string, HeldStamp>> {
  const { table, id } = TABLES[file];
  const { rows } = await tx.query<{ id: string; dateUpdated: string; deleted: boolean }>(
    `SELECT ${id} AS id, to_char(date_updated, 'YYYY-MM-DD HH24:MI:SS') AS "dateUpdated",
       date_deleted IS NOT NULL AS deleted
     FROM ${table} WHERE org_id = $1 AND ${id} = ANY($2::text[])`,
    [orgId, ids],
  );
  return new Map(rows.map((r) => [r.id, { dateUpdated: r.dateUpdated, deleted: r.deleted }]));
}

/**
 * Replaces held rows with a later version (each id once in `rows`). The import that added a row
 * stays its import: an update is not a row this import added, so it is not announced again.
 */
export async function updatePage(
  tx: PoolClient,
  file: ImportedFile,
  orgId: string,
  rows: object[],
): Promise<void> {
  if (!rows.length) return;
  const { table, id, columns } = TABLES[file];
  const all = [...columns, ...STAMPS];
  const names = all.map(([c]) => c);
  await tx.query(
    `UPDATE ${table} t SET (${names.join(', ')}) = (${names.map((c) => `u.${c}`).join(', ')})
     FROM unnest(${all.map(([, , t], i) => `$${i + 2}::${t}[]`).join(', ')})
       AS u(${names.join(', ')})
     WHERE t.org_id = $1 AND t.${id} = u.${id}`,
    [orgId, ...arraysOf(all, rows)],
  );
}

/**
 * Inserts a page of one file's rows at once; answers how many were new (the others an earlier
 * import's, by the organization and HUD's id of the row).
 */
export async function insertPage(
  tx: PoolClient,
  file: ImportedFile,
  orgId: string,
  importId: string,
  rows: object[],
): Promise<number> {
  const { table, columns } = TABLES[file];
  const all = [...columns, ...STAMPS];
  const { rowCount } = await tx.query(
    `INSERT INTO ${table} (org_id, import_id, ${all.map(([c]) => c).join(', ')})
     SELECT $1, $2, * FROM unnest(${all.map(([, , t], i) => `$${i + 3}::${t}[]`).join(', ')})
     ON CONFLICT DO NOTHING`,
    [orgId, importId, ...arraysOf(all, rows)],
  );
  return rowCount ?? 0;
}

/**
 * Fresh statistics of a file's table once its rows landed: an export right after an import
 * otherwise plans on the empty table it was (nested loops over tens of thousands of rows).
 */
export async function analyzeImported(tx: PoolClient, file: ImportedFile) {
  await tx.query(`ANALYZE ${TABLES[file].table}`);
}

/** HUD ids of one file this organization already imported, from any zip. */
export async function heldIds(tx: PoolClient, orgId: string, file: ImportedFile) {
  const { table, id } = TABLES[file];
  const { rows } = await tx.query<{ id: string }>(
    `SELECT ${id} AS id FROM ${table} WHERE org_id = $1`,
    [orgId],
  );
  return new Set(rows.map((r) => r.id));
}

/** The organization's imported enrollments, each with its client's PersonalID. */
export async function heldEnrollments(tx: PoolClient, orgId: string) {
  const { rows } = await tx.query<{ id: string; personalId: string }>(
    `SELECT enrollment_id AS id, personal_id AS "personalId" FROM hmis_imported_enrollments
     WHERE org_id = $1`,
    [orgId],
  );
  return new Map(rows.map((r) => [r.id, r.personalId]));
}
