import type { PoolClient } from 'pg';
import type { HudFile } from '../domain/hud-files';
import { pagesOf, type ExportScope } from './export-scope';

/**
 * What an organization imported, in its export: the imported enrollments open at some point of
 * the range (`export_imported`, filled once per export) and what they name. Columns leave Postgres
 * under HUD's names, dates and times as text (no time zone shifts a calendar date), so a record
 * is the row as it came in (domain/imported-hud-rows.ts); a row deleted since (DateDeleted) is
 * left out, and so is one whose onward record (what intake, enrollment and services made of it)
 * this export writes from the read model under the row's id: one record, one row
 * (store/onward-records.ts).
 * The continuum's export holds no client: nothing imported travels in it.
 */
export async function selectImportedMembers(tx: PoolClient, scope: ExportScope) {
  await tx.query(
    `CREATE TEMP TABLE export_imported ON COMMIT DROP AS
     SELECT e.enrollment_id, e.personal_id, e.project_id FROM hmis_imported_enrollments e
     WHERE e.org_id = $1::uuid AND e.entry_date <= $3::date AND e.date_deleted IS NULL
       AND NOT EXISTS (SELECT 1 FROM hmis_imported_exits x
         WHERE x.org_id = e.org_id AND x.enrollment_id = e.enrollment_id AND x.exit_date < $2::date
           AND x.date_deleted IS NULL)
       -- an enrollment whose client or project was deleted goes with them
       AND NOT EXISTS (SELECT 1 FROM hmis_imported_clients c
         WHERE c.org_id = e.org_id AND c.personal_id = e.personal_id AND c.date_deleted IS NOT NULL)
       AND NOT EXISTS (SELECT 1 FROM hmis_imported_projects p
         WHERE p.org_id = e.org_id AND p.project_id = e.project_id AND p.date_deleted IS NOT NULL)`,
    [scope.orgId, scope.startDate, scope.endDate],
  );
  await tx.query('CREATE INDEX ON export_imported (enrollment_id)');
  await tx.query('ANALYZE export_imported');
}

const d = (col: string, as: string) => `to_char(${col}, 'YYYY-MM-DD') AS "${as}"`;
const stamps = `to_char(t.date_created, 'YYYY-MM-DD HH24:MI:SS') AS "DateCreated",
  to_char(t.date_updated, 'YYYY-MM-DD HH24:MI:SS') AS "DateUpdated"`;

const QUERIES: Partial<Record<HudFile, string>> = {
  Organization: `SELECT t.organization_id AS "OrganizationID", t.name AS "OrganizationName",
      t.victim_service_provider AS "VictimServiceProvider", ${stamps}
    FROM hmis_imported_organizations t
    WHERE t.org_id = $1 AND t.date_deleted IS NULL AND t.organization_id IN
      (SELECT p.organization_id FROM hmis_imported_projects p
        WHERE p.org_id = $1 AND p.project_id IN (SELECT project_id FROM export_imported)
          AND p.project_id NOT IN (SELECT project_id FROM export_onward_projects))
    ORDER BY t.organization_id`,
  Project: `SELECT t.project_id AS "ProjectID", t.organization_id AS "OrganizationID",
      t.name AS "ProjectName", ${d('t.operating_start_date', 'OperatingStartDate')},
      ${d('t.operating_end_date', 'OperatingEndDate')}, t.continuum_project AS "ContinuumProject",
      t.project_type AS "ProjectType", t.project_common_name AS "ProjectCommonName",
      t.housing_type AS "HousingType", t.rrh_sub_type AS "RRHSubType",
      t.residential_affiliation AS "ResidentialAffiliation",
      t.target_population AS "TargetPopulation",
      t.hopwa_med_assisted_living_fac AS "HOPWAMedAssistedLivingFac", t.pit_count AS "PITCount",
      ${stamps}
    FROM hmis_imported_projects t
    WHERE t.org_id = $1 AND t.date_deleted IS NULL
      AND t.project_id IN (SELECT project_id FROM export_imported)
      AND t.project_id NOT IN (SELECT project_id FROM export_onward_projects)
    ORDER BY t.project_id`,
  // the grants of the projects named, as they came (a deleted project's enrollments are out);
  // a project that became a program here goes out with the program's funders (export-rows.ts)
  Funder: `SELECT t.funder_id AS "FunderID", t.project_id AS "ProjectID", t.funder AS "Funder",
      t.other_funder AS "OtherFunder", t.grant_id AS "GrantID", ${d('t.start_date', 'StartDate')},
      ${d('t.end_date', 'EndDate')}, ${stamps}
    FROM hmis_imported_funders t
    WHERE t.org_id = $1 AND t.date_deleted IS NULL
      AND t.project_id IN (SELECT project_id FROM export_imported)
      AND t.project_id NOT IN (SELECT project_id FROM export_onward_projects)
    ORDER BY t.funder_id`,
  Client: `SELECT t.personal_id AS "PersonalID", t.first_name AS "FirstName",
      t.last_name AS "LastName", t.name_data_quality AS "NameDataQuality", ${d('t.dob', 'DOB')},
      t.dob_data_quality AS "DOBDataQuality", t.sex AS "Sex", t.veteran_status AS "VeteranStatus",
      ${stamps}
    FROM hmis_imported_clients t
    WHERE t.org_id = $1 AND t.date_deleted IS NULL
      AND t.personal_id IN (SELECT personal_id FROM export_imported)
      AND NOT EXISTS (SELECT 1 FROM export_onward_clients oc WHERE oc.personal_id = t.personal_id)
    ORDER BY t.personal_id`,
  Enrollment: `SELECT t.enrollment_id AS "EnrollmentID", t.personal_id AS "PersonalID",
      t.project_id AS "ProjectID", ${d('t.entry_date', 'EntryDate')},
      t.household_id AS "HouseholdID", t.relationship_to_hoh AS "RelationshipToHoH",
      t.disabling_condition AS "DisablingCondition", ${stamps}
    FROM hmis_imported_enrollments t
    WHERE t.org_id = $1 AND t.date_deleted IS NULL
      AND t.enrollment_id IN (SELECT enrollment_id FROM export_imported)
      AND NOT EXISTS (SELECT 1 FROM export_onward o WHERE o.hud_enrollment_id = t.enrollment_id)
    ORDER BY t.enrollment_id`,
  Exit: `SELECT t.exit_id AS "ExitID", t.enrollment_id AS "EnrollmentID",
      t.personal_id AS "PersonalID", ${d('t.exit_date', 'ExitDate')},
      t.destination AS "Destination", ${stamps}
    FROM hmis_imported_exits t
    WHERE t.org_id = $1 AND t.date_deleted IS NULL
      AND t.enrollment_id IN (SELECT enrollment_id FROM export_imported)
      AND t.exit_date <= $2::date
      -- ours is written when the enrollment it became has an exit in the export: an exit imported
      -- after its enrollment (never announced) is still the imported row's to tell
      AND NOT EXISTS (SELECT 1 FROM export_onward o JOIN hmis_exits x USING (enrollment_id)
        WHERE o.hud_enrollment_id = t.enrollment_id AND x.exit_date <= $2::date)
    ORDER BY t.exit_id`,
  Services: `SELECT t.services_id AS "ServicesID", t.enrollment_id AS "EnrollmentID",
      t.personal_id AS "PersonalID", ${d('t.date_provided', 'DateProvided')},
      t.record_type AS "RecordType", t.type_provided AS "TypeProvided",
      t.fa_amount_cents AS "FAAmount", ${stamps}
    FROM hmis_imported_services t
    WHERE t.org_id = $1 AND t.date_deleted IS NULL
      AND t.enrollment_id IN (SELECT enrollment_id FROM export_imported)
      AND t.date_provided BETWEEN $2::date AND $3::date
      -- a service recorded here tells its own date and existence (onward-records.ts)
      AND NOT EXISTS (SELECT 1 FROM export_onward_services os WHERE os.services_id = t.services_id)
    ORDER BY t.services_id`,
};

/** One file's imported rows for the export, a page at a time; none for a file not imported. */
export async function* importedRows(
  tx: PoolClient,
  file: HudFile,
  scope: ExportScope,
): AsyncGenerator<Record<string, unknown>[]> {
  const sql = QUERIES[file];
  if (!sql || scope.orgId === null) return;
  // each query binds only what it names (Postgres refuses a parameter it was not given a use for)
  const params =
    file === 'Services'
      ? [scope.orgId, scope.startDate, scope.endDate]
      : file === 'Exit'
        ? [scope.orgId, scope.endDate]
        : [scope.orgId];
  yield* pagesOf(tx, `imported_${file.toLowerCase()}_rows`, sql, params);
}
