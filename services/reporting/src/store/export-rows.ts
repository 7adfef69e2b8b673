import type { PoolClient } from 'pg';
import type { HudFile } from '../domain/hud-files';
import { pagesOf, type ExportScope } from './export-scope';

/**
 * The read model's rows for each file, over the transaction's export_members (export-scope.ts),
 * with the sender's ids of the records an import became (hud_*: store/onward-records.ts).
 * Dates leave Postgres as text (to_char) so no time zone ever shifts a calendar date.
 */
const d = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
/** A time as HUD writes it (yyyy-mm-dd hh:mm:ss, UTC): Postgres formats it, no Date per cell. */
const t = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')`;

/** The ids a member's rows are written under when an import's row became it (onward-records.ts). */
const SENT_IDS = 'm.hud_personal_id, m.hud_enrollment_id';

export type Row = Record<string, unknown>;
type Source = (tx: PoolClient, scope: ExportScope) => AsyncGenerator<Row[]>;

const organizationIds = `SELECT org_id FROM hmis_enrollments WHERE enrollment_id IN (SELECT enrollment_id FROM export_members)
  UNION SELECT provider_org_id FROM hmis_enrollments WHERE enrollment_id IN (SELECT enrollment_id FROM export_members)`;
// the organization asked for is in its export even when it holds no enrollment yet
const orgsOf = (scope: ExportScope) =>
  scope.orgId === null
    ? { sql: 'SELECT id FROM organizations', params: [] }
    : { sql: `${organizationIds} UNION SELECT $1::uuid`, params: [scope.orgId] };

export const ROW_SOURCES: Partial<Record<HudFile, Source>> = {
  Organization: (tx, scope) => {
    const ids = orgsOf(scope);
    return pagesOf(
      tx,
      'organization_rows',
      `SELECT o.id, o.name, ${t('s.date_created')} AS date_created, ${t('s.date_updated')} AS date_updated
       FROM organizations o
       JOIN hmis_directory_stamps s ON s.kind = 'organization' AND s.id = o.id
       WHERE o.id IN (${ids.sql}) ORDER BY o.id`,
      ids.params,
    );
  },
  User: (tx, scope) => {
    const ids = orgsOf(scope);
    return pagesOf(
      tx,
      'user_rows',
      `SELECT DISTINCT ON (u.user_id) u.user_id, u.name, ${t('s.date_created')} AS date_created,
         ${t('s.date_updated')} AS date_updated
       FROM org_users u JOIN hmis_directory_stamps s ON s.kind = 'user' AND s.id = u.user_id
       WHERE u.org_id IN (${ids.sql}) ORDER BY u.user_id, u.active DESC, u.version DESC`,
      ids.params,
    );
  },
  // the programs enrolled in: as enrollment announced them, else what the enrollments tell
  Project: (tx) =>
    pagesOf(
      tx,
      'project_rows',
      `SELECT e.program_id, coalesce(p.org_id::text, e.org_id) AS org_id, p.name,
         ${d('coalesce(p.active_from, e.start_date)')} AS start_date, ${d('p.active_to')} AS end_date,
         ${t('coalesce(p.date_created, e.date_created)')} AS date_created,
         ${t('coalesce(p.date_updated, e.date_updated)')} AS date_updated, p.user_id, p.project_type,
         op.project_id AS hud_project_id,
         p.continuum_project, p.housing_type, p.rrh_sub_type, p.residential_affiliation,
         p.target_population, p.hopwa_med_assisted_living_fac, p.funders
       FROM (SELECT program_id, min(provider_org_id::text) AS org_id, min(entry_date) AS start_date,
               min(date_created) AS date_created, max(last_event_at) AS date_updated
             FROM hmis_enrollments WHERE enrollment_id IN (SELECT enrollment_id FROM export_members)
             GROUP BY program_id) e
       LEFT JOIN hmis_projects p USING (program_id)
       LEFT JOIN export_onward_projects op USING (program_id)
       ORDER BY e.program_id`,
    ),
  // a row per funder of each program enrolled in, in enrollment's order; the FunderID is made
  // from the program and that place, so every export (and a rebuild) names it the same
  Funder: (tx) =>
    pagesOf(
      tx,
      'funder_rows',
      `SELECT md5(p.program_id::text || ':' || f.ordinal) AS funder_id, p.program_id,
         f.funder->>'funder' AS funder, f.funder->>'otherFunder' AS other_funder,
         f.funder->>'grantId' AS grant_id, f.funder->>'startDate' AS start_date,
         f.funder->>'endDate' AS end_date, ${t('p.date_created')} AS date_created,
         ${t('p.date_updated')} AS date_updated, p.user_id, op.project_id AS hud_project_id
       FROM hmis_projects p
       LEFT JOIN export_onward_projects op USING (program_id)
       CROSS JOIN LATERAL jsonb_array_elements(p.funders) WITH ORDINALITY AS f(funder, ordinal)
       WHERE p.program_id IN (SELECT e.program_id FROM hmis_enrollments e
         WHERE e.enrollment_id IN (SELECT enrollment_id FROM export_members))
       ORDER BY p.program_id, f.ordinal`,
    ),
  // the CoC of each program enrolled in that names one (one per program)
  ProjectCoC: (tx) =>
    pagesOf(
      tx,
      'project_coc_rows',
      `SELECT md5(p.program_id::text || ':coc') AS project_coc_id, p.program_id, p.coc_code,
         ${t('p.date_created')} AS date_created, ${t('p.date_updated')} AS date_updated, p.user_id,
         op.project_id AS hud_project_id
       FROM hmis_projects p
       LEFT JOIN export_onward_projects op USING (program_id)
       WHERE p.coc_code IS NOT NULL AND p.program_id IN (SELECT e.program_id FROM hmis_enrollments e
         WHERE e.enrollment_id IN (SELECT enrollment_id FROM export_members))
       ORDER BY p.program_id`,
    ),
  Client: (tx) =>
    pagesOf(
      tx,
      'client_rows',
      `SELECT c.personal_id, first_name, middle_name, last_name, ${d('dob')} AS dob, sex,
         race, veteran_status, ssn_status, ${t('date_created')} AS date_created,
         ${t('last_event_at')} AS last_event_at, user_id, oc.personal_id AS hud_personal_id
       FROM hmis_clients c LEFT JOIN export_onward_clients oc ON oc.participant_id = c.personal_id
       WHERE c.personal_id IN (SELECT participant_id FROM export_members)
       ORDER BY c.personal_id`,
    ),
  // the relationship and the prior living situation joined once each, not looked up per row;
  // the disabling condition is the member's client record's (intake's answer, 3.08)
  Enrollment: (tx) =>
    pagesOf(
      tx,
      'enrollment_rows',
      `SELECT e.enrollment_id, m.participant_id, e.head_participant_id, e.program_id,
         ${d('e.entry_date')} AS entry_date, ${t('e.date_created')} AS date_created,
         ${t('e.last_event_at')} AS last_event_at, e.user_id, r.relationship, p.prior_living,
         ${SENT_IDS}, m.hud_household_id, op.project_id AS hud_project_id,
         c.disabling_condition, m.hud_relationship_to_hoh
       FROM export_members m JOIN hmis_enrollments e USING (enrollment_id)
       LEFT JOIN hmis_clients c ON c.personal_id = m.participant_id
       LEFT JOIN export_onward_projects op ON op.program_id = e.program_id
       LEFT JOIN (
         SELECT DISTINCT ON (fm.participant_id, f.head_participant_id) fm.participant_id,
           f.head_participant_id, fm.relationship
         FROM family_fact_members fm JOIN family_facts f ON f.family_id = fm.family_id
         WHERE fm.participant_id IN (SELECT participant_id FROM export_members)
         ORDER BY fm.participant_id, f.head_participant_id, fm.is_current_family DESC, fm.family_id
       ) r ON r.participant_id = m.participant_id AND r.head_participant_id = e.head_participant_id
       LEFT JOIN (
         SELECT DISTINCT ON (a.enrollment_id, a.participant_id) a.enrollment_id, a.participant_id,
           a.elements->'priorLivingSituation' AS prior_living
         FROM hmis_assessments a
         WHERE a.enrollment_id IN (SELECT enrollment_id FROM export_members)
           AND a.stage = 'project_start' AND a.elements ? 'priorLivingSituation'
         ORDER BY a.enrollment_id, a.participant_id, a.information_date DESC, a.assessment_id
       ) p ON p.enrollment_id = m.enrollment_id AND p.participant_id = m.participant_id
       ORDER BY e.enrollment_id, m.participant_id`,
    ),
  Exit: (tx, scope) =>
    pagesOf(
      tx,
      'exit_rows',
      `SELECT x.enrollment_id, m.participant_id, m.head_participant_id, ${d('x.exit_date')} AS exit_date,
         x.reason, x.housing_status, ${t('x.date_created')} AS date_created,
         ${t('x.last_event_at')} AS last_event_at, x.user_id, ${SENT_IDS}, m.hud_exit_id
       FROM export_members m JOIN hmis_exits x USING (enrollment_id)
       WHERE x.exit_date <= $1::date
       ORDER BY x.enrollment_id, m.participant_id`,
      [scope.endDate],
    ),
  // a service recorded of an imported one: under its ServicesID and codes (onward-records.ts)
  Services: (tx, scope) =>
    pagesOf(
      tx,
      'service_rows',
      `SELECT s.service_id, s.enrollment_id, s.participant_id, m.head_participant_id,
         s.service_type_id, ${d('s.date_provided')} AS date_provided,
         ${t('s.date_created')} AS date_created, ${t('s.date_updated')} AS date_updated, s.user_id,
         ${SENT_IDS}, os.services_id AS hud_services_id, os.record_type AS hud_record_type,
         os.type_provided AS hud_type_provided, os.fa_amount_cents AS hud_fa_amount_cents
       FROM hmis_services s
       JOIN export_members m ON m.enrollment_id = s.enrollment_id AND m.participant_id = s.participant_id
       LEFT JOIN export_onward_services os ON os.service_id = s.service_id
       WHERE s.date_deleted IS NULL AND s.date_provided BETWEEN $1::date AND $2::date
       ORDER BY s.service_id`,
      [scope.startDate, scope.endDate],
    ),
};

/**
 * A member's HUD assessments within the range. An assessment restricted to its organization
 * (`org`) travels only in that organization's export, as libs/access reads a record scope.
 */
export const assessmentRows = (tx: PoolClient, scope: ExportScope, file: string) =>
  pagesOf<Row>(
    tx,
    `assessment_rows_${file.toLowerCase()}`,
    `SELECT a.assessment_id, a.enrollment_id, a.participant_id, m.head_participant_id, a.stage,
       ${d('a.information_date')} AS information_date, a.elements,
       ${t('a.date_created')} AS date_created, ${t('a.date_updated')} AS date_updated, a.user_id,
       ${SENT_IDS}
     FROM hmis_assessments a
     JOIN export_members m ON m.enrollment_id = a.enrollment_id AND m.participant_id = a.participant_id
     WHERE a.information_date BETWEEN $1::date AND $2::date
       AND (a.restriction = 'mou' OR a.org_id = $3::uuid)
     ORDER BY a.assessment_id`,
    [scope.startDate, scope.endDate, scope.orgId],
  );
