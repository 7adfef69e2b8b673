import type { PoolClient } from 'pg';
import type { ExportScope } from './export-scope';

/**
 * One record, one row (issue 17). An import carried onward became our records: intake took the
 * client in as a participant (taken in, or taken in and linked to one already here), enrollment
 * recorded the enrollment (a member: into its head's) in a program of its own. Those records come
 * back through the read model, so an export would hold each twice: the imported row under the
 * sender's id and ours under its uuid.
 *
 * Which side writes it: the read model's row, as Hearth holds it now (edits made here after the
 * import included), under the id the other system knew it by (PersonalID, EnrollmentID,
 * HouseholdID, ExitID, ProjectID); every other row of ours naming it (a new enrollment here for a
 * taken-in client, a member joining its household, a service, an assessment) names that id too, so
 * nothing dangles. The imported row is then left out (store/imported-export-rows.ts), but only when
 * ours is in this export: an imported row whose onward record this export does not write (refused,
 * outside the range; an imported exit our enrollment does not hold, as one imported after its
 * enrollment) travels as it came, and what it names still resolves. A linked client's
 * other record, the one already here, is a second record of the person: its own row (link, never
 * merge). A service services recorded (`services.hmis-service.settled`) is ours too: the read
 * model's row (its date now; deleted here: no row) under the sender's ServicesID, RecordType and
 * TypeProvided; a refused or still-awaited one travels as it came, under the EnrollmentID and
 * PersonalID our rows are written under.
 *
 * Only the importer's own export maps: another organization's export, and the continuum's, carry
 * no imported row. What is filled here: columns of `export_members` (null: our own id; and the
 * imported row's relationship) and `export_onward_clients` / `export_onward` /
 * `export_onward_projects` / `export_onward_services`, which the export's
 * queries join on indexed keys (a few rows; none for an organization that imported nothing).
 */
export async function selectOnwardRecords(tx: PoolClient, scope: ExportScope) {
  await tx.query(
    `ALTER TABLE export_members ADD COLUMN hud_personal_id text, ADD COLUMN hud_enrollment_id text,
       ADD COLUMN hud_household_id text, ADD COLUMN hud_exit_id text,
       ADD COLUMN hud_relationship_to_hoh smallint`,
  );
  await tx.query(
    `CREATE TEMP TABLE export_onward_projects (program_id uuid PRIMARY KEY,
       project_id text NOT NULL UNIQUE) ON COMMIT DROP`,
  );
  await tx.query(
    `CREATE TEMP TABLE export_onward (enrollment_id uuid NOT NULL, participant_id uuid NOT NULL,
       hud_enrollment_id text NOT NULL UNIQUE, household_id text NOT NULL,
       project_id text NOT NULL, relationship_to_hoh smallint NOT NULL, exit_id text,
       PRIMARY KEY (enrollment_id, participant_id)) ON COMMIT DROP`,
  );
  await tx.query(
    `CREATE TEMP TABLE export_onward_clients (participant_id uuid PRIMARY KEY,
       personal_id text NOT NULL UNIQUE) ON COMMIT DROP`,
  );
  // the imported service each of ours is, with its HUD codes and amount (see below)
  await tx.query(
    `CREATE TEMP TABLE export_onward_services (service_id uuid PRIMARY KEY,
       services_id text NOT NULL UNIQUE, record_type smallint NOT NULL,
       type_provided smallint NOT NULL, fa_amount_cents integer) ON COMMIT DROP`,
  );
  if (scope.orgId === null) return;
  // a client intake took in (linked or not) is the participant its answer names
  await tx.query(
    `INSERT INTO export_onward_clients
     SELECT DISTINCT ON (c.participant_id) c.participant_id, c.personal_id
     FROM hmis_imported_clients c
     WHERE c.org_id = $1 AND c.intake_outcome IN ('taken_in', 'linked')
       AND c.participant_id IN (SELECT participant_id FROM export_members)
     ORDER BY c.participant_id, c.personal_id`,
    [scope.orgId],
  );
  await tx.query(
    `UPDATE export_members m SET hud_personal_id = oc.personal_id
     FROM export_onward_clients oc WHERE oc.participant_id = m.participant_id`,
  );
  // an enrollment enrollment recorded: our enrollment (a member: the head's) and the member, with
  // the imported row's RelationshipToHoH for when no family fact is held (domain/hud-person-rows)
  await tx.query(
    `INSERT INTO export_onward
     SELECT DISTINCT ON (o.recorded_as, c.participant_id) o.recorded_as, c.participant_id,
       e.enrollment_id, e.household_id, e.project_id, e.relationship_to_hoh, x.exit_id
     FROM hmis_imported_enrollment_outcomes o
     JOIN hmis_imported_enrollments e
       ON e.org_id = o.org_id AND e.import_id = o.import_id AND e.enrollment_id = o.enrollment_id
     JOIN hmis_imported_clients c ON c.org_id = e.org_id AND c.personal_id = e.personal_id
     JOIN export_onward_clients oc ON oc.participant_id = c.participant_id
     JOIN export_members m ON m.enrollment_id = o.recorded_as AND m.participant_id = c.participant_id
     LEFT JOIN (SELECT DISTINCT ON (enrollment_id) enrollment_id, exit_id FROM hmis_imported_exits
                WHERE org_id = $1 AND date_deleted IS NULL
                ORDER BY enrollment_id, exit_date DESC, exit_id) x ON x.enrollment_id = e.enrollment_id
     WHERE o.org_id = $1 AND o.outcome = 'recorded'
     ORDER BY o.recorded_as, c.participant_id, e.enrollment_id`,
    [scope.orgId],
  );
  await tx.query(
    `UPDATE export_members m SET hud_enrollment_id = o.hud_enrollment_id, hud_exit_id = o.exit_id,
       hud_relationship_to_hoh = o.relationship_to_hoh
     FROM export_onward o
     WHERE o.enrollment_id = m.enrollment_id AND o.participant_id = m.participant_id`,
  );
  // the household is ours, one per enrollment: the head's HouseholdID, for a member added here too
  await tx.query(
    `UPDATE export_members m SET hud_household_id = h.household_id
     FROM (SELECT DISTINCT ON (enrollment_id) enrollment_id, household_id FROM export_onward
           ORDER BY enrollment_id, relationship_to_hoh, hud_enrollment_id) h
     WHERE h.enrollment_id = m.enrollment_id`,
  );
  // the program enrollment made of the imported project: one each way, the first by id
  await tx.query(
    `INSERT INTO export_onward_projects
     SELECT DISTINCT ON (project_id) program_id, project_id
     FROM (SELECT DISTINCT ON (e.program_id) e.program_id, o.project_id
           FROM export_onward o JOIN hmis_enrollments e USING (enrollment_id)
           ORDER BY e.program_id, o.project_id) p
     ORDER BY project_id, program_id`,
  );
  await selectOnwardServices(tx, scope.orgId);
  await tx.query('ANALYZE export_onward');
}

/**
 * A service the services service recorded of an imported one, on a member this export holds, whatever its
 * state (deleted here, or its date edited out of the range, it is still ours to tell: nothing of
 * the imported row is written). The sender's RecordType / TypeProvided are kept: the catalog type
 * services made for the import is named for that code but holds none our read model can map
 * (hud-codes SERVICE_TYPES). FAAmount too: services recorded the service with it and its events
 * carry no amount, so an amount edited here is not known to reporting. One answer per imported
 * row (the import that added it, store/imported-rows.ts); one imported row per service of ours,
 * the first by ServicesID should an answer name a service twice.
 */
async function selectOnwardServices(tx: PoolClient, orgId: string) {
  await tx.query(
    `INSERT INTO export_onward_services
     SELECT DISTINCT ON (o.recorded_as) o.recorded_as, s.services_id, s.record_type,
       s.type_provided, s.fa_amount_cents
     FROM hmis_imported_service_outcomes o
     JOIN hmis_imported_services s
       ON s.org_id = o.org_id AND s.import_id = o.import_id AND s.services_id = o.services_id
     JOIN hmis_services ours ON ours.service_id = o.recorded_as
     WHERE o.org_id = $1 AND o.outcome = 'recorded'
       AND EXISTS (SELECT 1 FROM export_members m
         WHERE m.enrollment_id = ours.enrollment_id AND m.participant_id = ours.participant_id)
     ORDER BY o.recorded_as, s.services_id`,
    [orgId],
  );
  await tx.query('ANALYZE export_onward_services');
}
