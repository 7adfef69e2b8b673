import type { Queryable } from '@hearth/db';
import type { RegistrationAnswers } from '../domain/registration-answers';

export interface EnrollmentRecord {
  id: string;
  programId: string;
  orgId: string;
  /** The hub providing a Rent Assistance record's services; null: the enrolling organization. */
  serviceProviderOrgId: string | null;
  /** I-Trac's "Customer Of": the staff member the record belongs to. */
  customerOfUserId: string | null;
  servicePointId: string | null;
  headParticipantId: string;
  applicationDate: string;
  registration: RegistrationAnswers;
  registrationDate: string | null;
  registeredBy: { userId: string; name: string } | null;
  participationDate: string | null;
  lastQualifyingServiceDate: string | null;
  reopenedOn: string | null;
  exitDate: string | null;
  exitKind: string | null;
  exitReason: string | null;
  housingStatusAtExit: string | null;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const toRecord = (r: Record<string, unknown>): EnrollmentRecord => ({
  id: r.id as string,
  programId: r.program_id as string,
  orgId: r.org_id as string,
  serviceProviderOrgId: (r.service_provider_org_id as string | null) ?? null,
  customerOfUserId: (r.customer_of_user_id as string | null) ?? null,
  servicePointId: (r.service_point_id as string | null) ?? null,
  headParticipantId: r.head_participant_id as string,
  applicationDate: r.application_date as string,
  registration: r.registration as RegistrationAnswers,
  registrationDate: r.registration_date as string | null,
  registeredBy: r.registered_by_user_id
    ? { userId: r.registered_by_user_id as string, name: r.registered_by_name as string }
    : null,
  participationDate: r.participation_date as string | null,
  lastQualifyingServiceDate: r.last_qualifying_service_date as string | null,
  reopenedOn: r.reopened_on as string | null,
  exitDate: r.exit_date as string | null,
  exitKind: r.exit_kind as string | null,
  exitReason: r.exit_reason as string | null,
  housingStatusAtExit: r.housing_status_at_exit as string | null,
  status: r.status as string,
  version: r.version as number,
  createdAt: (r.created_at as Date).toISOString(),
  updatedAt: (r.updated_at as Date).toISOString(),
});

export async function insertEnrollment(
  tx: Queryable,
  e: Pick<
    EnrollmentRecord,
    | 'id'
    | 'programId'
    | 'orgId'
    | 'headParticipantId'
    | 'applicationDate'
    | 'registration'
    | 'serviceProviderOrgId'
    | 'customerOfUserId'
  > & { createdBy: string },
): Promise<EnrollmentRecord> {
  const { rows } = await tx.query(
    `INSERT INTO enrollments (id, program_id, org_id, head_participant_id, application_date, registration, status, created_by,
       service_provider_org_id, customer_of_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'application', $7, $8, $9) RETURNING *`,
    [
      e.id,
      e.programId,
      e.orgId,
      e.headParticipantId,
      e.applicationDate,
      e.registration,
      e.createdBy,
      e.serviceProviderOrgId,
      e.customerOfUserId,
    ],
  );
  return toRecord(rows[0]);
}

/** `lock` holds the row until the transaction ends, so two writers never both exit it. */
export async function findEnrollment(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<EnrollmentRecord | undefined> {
  const { rows } = await db.query(
    `SELECT * FROM enrollments WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] && toRecord(rows[0]);
}

const COLUMNS = {
  applicationDate: 'application_date',
  registration: 'registration',
  registrationDate: 'registration_date',
  registeredByUserId: 'registered_by_user_id',
  registeredByName: 'registered_by_name',
  participationDate: 'participation_date',
  lastQualifyingServiceDate: 'last_qualifying_service_date',
  reopenedOn: 'reopened_on',
  exitDate: 'exit_date',
  exitKind: 'exit_kind',
  exitReason: 'exit_reason',
  housingStatusAtExit: 'housing_status_at_exit',
  status: 'status',
  customerOfUserId: 'customer_of_user_id',
  servicePointId: 'service_point_id',
} as const;
export type EnrollmentChanges = Partial<
  Record<Exclude<keyof typeof COLUMNS, 'registration'>, string | null> & {
    registration: RegistrationAnswers;
  }
>;

/** Change some columns; every change bumps the version optimistic updates compare against. */
export async function updateEnrollment(
  tx: Queryable,
  id: string,
  changes: EnrollmentChanges,
): Promise<EnrollmentRecord> {
  const fields = (Object.keys(changes) as Array<keyof EnrollmentChanges>).filter(
    (k) => changes[k] !== undefined,
  );
  const sets = fields.map((k, i) => `${COLUMNS[k]} = $${i + 2}`);
  const { rows } = await tx.query(
    `UPDATE enrollments SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE id = $1 RETURNING *`,
    [id, ...fields.map((k) => changes[k])],
  );
  return toRecord(rows[0]);
}
