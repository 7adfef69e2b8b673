import type { Queryable } from '@hearth/db';
import type { EnrollmentSnapshot, Envelope, ParticipantFacts } from '@hearth/events';

/**
 * The read model's writes, one per kind of fact. Each applies a whole snapshot and keeps only a
 * newer one (by the event's occurredAt, or the record's version where the producer gives one), so
 * a repeated or late event, and a replay of the journal, all end in the same rows.
 */
export type Meta = Pick<Envelope, 'occurredAt' | 'actor'>;

export async function applyClient(tx: Queryable, p: ParticipantFacts, e: Meta) {
  await tx.query(
    `INSERT INTO hmis_clients (personal_id, owner_org_id, first_name, middle_name, last_name, dob,
       sex, last_event_at, date_created, user_id, race, veteran_status, ssn_status,
       disabling_condition)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (personal_id) DO UPDATE SET owner_org_id = EXCLUDED.owner_org_id,
       first_name = EXCLUDED.first_name, middle_name = EXCLUDED.middle_name,
       last_name = EXCLUDED.last_name, dob = EXCLUDED.dob, sex = EXCLUDED.sex,
       race = EXCLUDED.race, veteran_status = EXCLUDED.veteran_status,
       ssn_status = EXCLUDED.ssn_status, disabling_condition = EXCLUDED.disabling_condition,
       last_event_at = EXCLUDED.last_event_at, user_id = EXCLUDED.user_id,
       date_created = LEAST(hmis_clients.date_created, EXCLUDED.date_created)
     WHERE hmis_clients.last_event_at < EXCLUDED.last_event_at`,
    [
      p.participantId,
      p.ownerOrgId,
      p.firstName,
      p.middleName,
      p.lastName,
      p.birthDate,
      p.sex,
      e.occurredAt,
      e.actor.userId,
      p.race ?? null,
      p.veteranStatus ?? null,
      p.ssnStatus ?? null,
      // absent from events made before intake announced it: not collected
      p.disablingCondition ?? null,
    ],
  );
}

export async function applyEnrollment(tx: Queryable, s: EnrollmentSnapshot, e: Meta) {
  await tx.query(
    `INSERT INTO hmis_enrollments (enrollment_id, program_id, program_kind, org_id, provider_org_id,
       head_participant_id, member_ids, entry_date, exit_date, status, last_event_at, date_created,
       user_id, participation_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13)
     ON CONFLICT (enrollment_id) DO UPDATE SET program_id = EXCLUDED.program_id,
       program_kind = EXCLUDED.program_kind, org_id = EXCLUDED.org_id,
       provider_org_id = EXCLUDED.provider_org_id,
       head_participant_id = EXCLUDED.head_participant_id, member_ids = EXCLUDED.member_ids,
       entry_date = EXCLUDED.entry_date, exit_date = EXCLUDED.exit_date, status = EXCLUDED.status,
       participation_date = EXCLUDED.participation_date, last_event_at = EXCLUDED.last_event_at, user_id = EXCLUDED.user_id,
       date_created = LEAST(hmis_enrollments.date_created, EXCLUDED.date_created)
     WHERE hmis_enrollments.last_event_at < EXCLUDED.last_event_at`,
    [
      s.enrollmentId,
      s.programId,
      s.programKind ?? null,
      s.orgId,
      s.serviceProviderOrgId ?? s.orgId,
      s.headParticipantId,
      // the head is always a member of the household HUD exports
      [...new Set([s.headParticipantId, ...s.memberParticipantIds])],
      s.applicationDate,
      s.exitDate,
      s.status,
      e.occurredAt,
      e.actor.userId,
      s.participationDate,
    ],
  );
  // an exit removed (status exit_removed, no exit date) takes the Exit.csv rows with it
  if (s.exitDate === null)
    await tx.query(`DELETE FROM hmis_exits WHERE enrollment_id = $1 AND last_event_at < $2`, [
      s.enrollmentId,
      e.occurredAt,
    ]);
}

export interface ExitFacts {
  enrollmentId: string;
  exitDate: string;
  kind: string;
  reason: string;
  housingStatusAtExit: string | null;
  removedFromPerformance: boolean;
}

export async function applyExit(tx: Queryable, x: ExitFacts, e: Meta) {
  await tx.query(
    `INSERT INTO hmis_exits (enrollment_id, exit_date, kind, reason, housing_status, last_event_at,
       date_created, user_id, removed_from_performance)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)
     ON CONFLICT (enrollment_id) DO UPDATE SET exit_date = EXCLUDED.exit_date,
       kind = EXCLUDED.kind, reason = EXCLUDED.reason, housing_status = EXCLUDED.housing_status,
       removed_from_performance = EXCLUDED.removed_from_performance, last_event_at = EXCLUDED.last_event_at, user_id = EXCLUDED.user_id
     WHERE hmis_exits.last_event_at < EXCLUDED.last_event_at`,
    [
      x.enrollmentId,
      x.exitDate,
      x.kind,
      x.reason,
      x.housingStatusAtExit,
      e.occurredAt,
      e.actor.userId,
      x.removedFromPerformance,
    ],
  );
}

export interface ServiceFacts {
  serviceId: string;
  participantId: string;
  enrollmentId: string;
  serviceTypeId: string;
  serviceDate: string;
  startsParticipation: boolean;
  qualifying: boolean;
  version: number;
}

/** A service recorded (version 1), edited or deleted (soft: DateDeleted, as HUD's files carry it). */
export async function applyService(tx: Queryable, s: ServiceFacts, deleted: boolean, e: Meta) {
  await tx.query(
    `INSERT INTO hmis_services (service_id, participant_id, enrollment_id, service_type_id,
       date_provided, version, date_created, date_updated, date_deleted, user_id,
       starts_participation, qualifying)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7, CASE WHEN $8 THEN $7::timestamptz END, $9, $10, $11)
     ON CONFLICT (service_id) DO UPDATE SET participant_id = EXCLUDED.participant_id,
       enrollment_id = EXCLUDED.enrollment_id, service_type_id = EXCLUDED.service_type_id,
       date_provided = EXCLUDED.date_provided, version = EXCLUDED.version,
       starts_participation = EXCLUDED.starts_participation, qualifying = EXCLUDED.qualifying,
       date_updated = EXCLUDED.date_updated, date_deleted = EXCLUDED.date_deleted,
       user_id = EXCLUDED.user_id
     WHERE hmis_services.version < EXCLUDED.version
       OR (hmis_services.version = EXCLUDED.version AND EXCLUDED.date_deleted IS NOT NULL
           AND hmis_services.date_deleted IS NULL)`,
    [
      s.serviceId,
      s.participantId,
      s.enrollmentId,
      s.serviceTypeId,
      s.serviceDate,
      s.version,
      e.occurredAt,
      deleted,
      e.actor.userId,
      s.startsParticipation,
      s.qualifying,
    ],
  );
}

export interface AssessmentFacts {
  assessmentId: string;
  enrollmentId: string;
  participantId: string;
  orgId: string;
  stage: string;
  informationDate: string;
  restriction: string;
  elements: Record<string, Record<string, number | string | null>>;
  version: number;
}

export async function applyAssessment(tx: Queryable, a: AssessmentFacts, e: Meta) {
  await tx.query(
    `INSERT INTO hmis_assessments (assessment_id, enrollment_id, participant_id, org_id, stage,
       information_date, restriction, elements, version, date_created, date_updated, user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)
     ON CONFLICT (assessment_id) DO UPDATE SET stage = EXCLUDED.stage,
       information_date = EXCLUDED.information_date, restriction = EXCLUDED.restriction,
       elements = EXCLUDED.elements, version = EXCLUDED.version,
       date_updated = EXCLUDED.date_updated, user_id = EXCLUDED.user_id
     WHERE hmis_assessments.version < EXCLUDED.version`,
    [
      a.assessmentId,
      a.enrollmentId,
      a.participantId,
      a.orgId,
      a.stage,
      a.informationDate,
      a.restriction,
      JSON.stringify(a.elements),
      a.version,
      e.occurredAt,
      e.actor.userId,
    ],
  );
}

/** When identity first and last announced an organization or a user (any delivery order). */
export async function stampDirectory(
  tx: Queryable,
  kind: 'organization' | 'user',
  id: string,
  e: Meta,
) {
  await tx.query(
    `INSERT INTO hmis_directory_stamps (kind, id, date_created, date_updated) VALUES ($1, $2, $3, $3)
     ON CONFLICT (kind, id) DO UPDATE SET
       date_created = LEAST(hmis_directory_stamps.date_created, EXCLUDED.date_created),
       date_updated = GREATEST(hmis_directory_stamps.date_updated, EXCLUDED.date_updated)`,
    [kind, id, e.occurredAt],
  );
}
