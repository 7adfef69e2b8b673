import type { Queryable } from '@hearth/db';
import type { ClientFacts } from '../domain/data-quality';
import type { ExitRow, Membership, Period, ServiceRow } from '../domain/program-report';

/**
 * The program's enrollments a report covers: those of the requester's organization (as owner or
 * service provider, as the export decides) that began by the period's last day. An earlier
 * enrollment is read too: it decides who is new.
 */
const IN_SCOPE = `e.program_id = $1 AND $2::uuid IN (e.org_id, e.provider_org_id)
  AND e.entry_date <= $3::date`;

export async function programIsVisible(db: Queryable, programId: string, orgId: string) {
  const { rows } = await db.query(
    `SELECT 1 FROM hmis_enrollments e
     WHERE e.program_id = $1 AND $2::uuid IN (e.org_id, e.provider_org_id) LIMIT 1`,
    [programId, orgId],
  );
  return rows.length > 0;
}

export async function programRows(db: Queryable, programId: string, orgId: string, p: Period) {
  const params = [programId, orgId, p.to];
  const memberships = await db.query<Membership>(
    `SELECT e.enrollment_id AS "enrollmentId", m.participant_id AS "participantId",
       e.entry_date AS "entryDate", e.exit_date AS "exitDate",
       e.participation_date AS "participationDate"
     FROM hmis_enrollments e CROSS JOIN LATERAL unnest(e.member_ids) AS m(participant_id)
     WHERE ${IN_SCOPE} ORDER BY e.enrollment_id, m.participant_id`,
    params,
  );
  const exits = await db.query<ExitRow>(
    `SELECT e.enrollment_id AS "enrollmentId", m.participant_id AS "participantId",
       x.exit_date AS "exitDate", x.reason, x.housing_status AS "housingStatus"
     FROM hmis_enrollments e CROSS JOIN LATERAL unnest(e.member_ids) AS m(participant_id)
     JOIN hmis_exits x ON x.enrollment_id = e.enrollment_id
     WHERE ${IN_SCOPE} ORDER BY e.enrollment_id, m.participant_id`,
    params,
  );
  const services = await db.query<ServiceRow>(
    `SELECT s.service_id AS "serviceId", s.participant_id AS "participantId",
       s.enrollment_id AS "enrollmentId", s.service_type_id AS "serviceTypeId",
       s.date_provided AS "serviceDate"
     FROM hmis_services s JOIN hmis_enrollments e ON e.enrollment_id = s.enrollment_id
     WHERE ${IN_SCOPE} AND s.date_deleted IS NULL ORDER BY s.date_provided, s.service_id`,
    params,
  );
  return { memberships: memberships.rows, exits: exits.rows, services: services.rows };
}

/** The client records' identifying facts the data-quality report checks. */
export async function clientFacts(db: Queryable, participantIds: string[]) {
  const { rows } = await db.query<ClientFacts>(
    `SELECT personal_id AS "participantId", first_name AS "firstName", last_name AS "lastName",
       to_char(dob, 'YYYY-MM-DD') AS "birthDate", sex, race, veteran_status AS "veteranStatus",
       ssn_status AS "ssnStatus", disabling_condition AS "disablingCondition"
     FROM hmis_clients WHERE personal_id = ANY($1::uuid[])`,
    [participantIds],
  );
  return rows;
}

/**
 * Each member's prior living situation (3.917) from their project-start assessment of the
 * program's enrollments, keyed `enrollmentId:participantId` (the latest version, as announced).
 */
export async function livingSituationsAtEntry(db: Queryable, programId: string, orgId: string) {
  const { rows } = await db.query<{ key: string; code: number | null }>(
    `SELECT a.enrollment_id || ':' || a.participant_id AS key,
       (a.elements -> 'priorLivingSituation' ->> 'livingSituation')::float8 AS code
     FROM hmis_assessments a JOIN hmis_enrollments e ON e.enrollment_id = a.enrollment_id
     WHERE e.program_id = $1 AND $2::uuid IN (e.org_id, e.provider_org_id)
       AND a.stage = 'project_start'
       AND jsonb_typeof(a.elements -> 'priorLivingSituation' -> 'livingSituation') = 'number'`,
    [programId, orgId],
  );
  return new Map(rows.map((r) => [r.key, r.code]));
}
