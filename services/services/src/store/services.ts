import type { Queryable } from '@hearth/db';
import type { ServiceStatus } from '../domain/service-record';

export interface ServiceRecord {
  id: string;
  orgId: string;
  participantId: string;
  enrollmentId: string;
  serviceTypeId: string;
  serviceDate: string;
  staffUserId: string;
  comment: string | null;
  providedBy: string | null;
  startDate: string | null;
  targetEndDate: string | null;
  status: ServiceStatus | null;
  units: number | null;
  amountCents: number | null;
  goalId: string | null;
  barrierId: string | null;
  /** The original this one was copied from; null for an original. */
  copiedFromId: string | null;
  version: number;
  createdAt: string;
}

const columns = `id, org_id AS "orgId", participant_id AS "participantId",
  enrollment_id AS "enrollmentId", service_type_id AS "serviceTypeId",
  service_date AS "serviceDate", staff_user_id AS "staffUserId", comment,
  provided_by AS "providedBy", start_date AS "startDate", target_end_date AS "targetEndDate",
  status, units::float8 AS units, amount_cents AS "amountCents",
  goal_id AS "goalId", barrier_id AS "barrierId", copied_from_id AS "copiedFromId", version,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

export async function insertService(
  db: Queryable,
  s: Omit<ServiceRecord, 'version' | 'createdAt'> & { createdBy: string },
): Promise<ServiceRecord> {
  const { rows } = await db.query<ServiceRecord>(
    `INSERT INTO services (id, org_id, participant_id, enrollment_id, service_type_id,
       service_date, staff_user_id, comment, provided_by, start_date, target_end_date, status,
       units, amount_cents, goal_id, barrier_id, copied_from_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     RETURNING ${columns}`,
    [
      s.id,
      s.orgId,
      s.participantId,
      s.enrollmentId,
      s.serviceTypeId,
      s.serviceDate,
      s.staffUserId,
      s.comment,
      s.providedBy,
      s.startDate,
      s.targetEndDate,
      s.status,
      s.units,
      s.amountCents,
      s.goalId,
      s.barrierId,
      s.copiedFromId,
      s.createdBy,
    ],
  );
  return rows[0];
}

/** One service for many participants: the shared fields once, one row per participant. */
export async function insertServices(
  db: Queryable,
  shared: Omit<
    ServiceRecord,
    'id' | 'participantId' | 'enrollmentId' | 'copiedFromId' | 'version' | 'createdAt'
  > & { createdBy: string },
  rows: ReadonlyArray<Pick<ServiceRecord, 'id' | 'participantId' | 'enrollmentId'>>,
): Promise<void> {
  await db.query(
    `INSERT INTO services (id, participant_id, enrollment_id, org_id, service_type_id,
       service_date, staff_user_id, comment, provided_by, start_date, target_end_date, status,
       units, amount_cents, created_by, goal_id, barrier_id)
     SELECT r.id, r.participant_id, r.enrollment_id, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
       $14, $15, $16, $17
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS r (id, participant_id, enrollment_id)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.participantId),
      rows.map((r) => r.enrollmentId),
      shared.orgId,
      shared.serviceTypeId,
      shared.serviceDate,
      shared.staffUserId,
      shared.comment,
      shared.providedBy,
      shared.startDate,
      shared.targetEndDate,
      shared.status,
      shared.units,
      shared.amountCents,
      shared.createdBy,
      shared.goalId,
      shared.barrierId,
    ],
  );
}

/** A service that was not deleted (or, for its history, one that was). */
export async function findService(
  db: Queryable,
  id: string,
  opts: { withDeleted?: boolean } = {},
): Promise<ServiceRecord | undefined> {
  const { rows } = await db.query<ServiceRecord>(
    `SELECT ${columns} FROM services WHERE id = $1 AND ($2 OR deleted_at IS NULL)`,
    [id, opts.withDeleted === true],
  );
  return rows[0];
}

export interface ServicePosition {
  serviceDate: string;
  id: string;
}

/**
 * One page of a participant's services (or a linked person's, of several records), newest service
 * date first, `limit + 1` rows.
 */
export async function servicesOf(
  db: Queryable,
  filter: { participantIds: readonly string[]; enrollmentId?: string },
  after: ServicePosition | undefined,
  limit: number,
): Promise<ServiceRecord[]> {
  const { rows } = await db.query<ServiceRecord>(
    `SELECT ${columns} FROM services
     WHERE participant_id = ANY ($1::uuid[]) AND deleted_at IS NULL
       AND ($2::uuid IS NULL OR enrollment_id = $2)
       AND ($3::date IS NULL OR (service_date, id) < ($3::date, $4::uuid))
     ORDER BY service_date DESC, id DESC LIMIT $5`,
    [
      filter.participantIds,
      filter.enrollmentId ?? null,
      after?.serviceDate ?? null,
      after?.id ?? null,
      limit + 1,
    ],
  );
  return rows;
}

/** The fields an edit may change (the participant and the enrollment stay). */
export type ServiceChanges = Pick<
  ServiceRecord,
  | 'serviceTypeId'
  | 'serviceDate'
  | 'comment'
  | 'providedBy'
  | 'startDate'
  | 'targetEndDate'
  | 'status'
  | 'units'
  | 'amountCents'
  | 'goalId'
  | 'barrierId'
  | 'staffUserId'
>;

/** A service not deleted, locked for a change. */
export async function lockService(db: Queryable, id: string): Promise<ServiceRecord | undefined> {
  const { rows } = await db.query<ServiceRecord>(
    `SELECT ${columns} FROM services WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export async function updateService(
  db: Queryable,
  id: string,
  c: ServiceChanges,
  by: string,
): Promise<ServiceRecord> {
  const { rows } = await db.query<ServiceRecord>(
    `UPDATE services SET service_type_id = $2, service_date = $3, comment = $4, provided_by = $5,
       start_date = $6, target_end_date = $7, status = $8, units = $9, amount_cents = $10,
       goal_id = $12, barrier_id = $13, staff_user_id = $14, version = version + 1,
       updated_at = now(), updated_by = $11
     WHERE id = $1 RETURNING ${columns}`,
    [
      id,
      c.serviceTypeId,
      c.serviceDate,
      c.comment,
      c.providedBy,
      c.startDate,
      c.targetEndDate,
      c.status,
      c.units,
      c.amountCents,
      by,
      c.goalId,
      c.barrierId,
      c.staffUserId,
    ],
  );
  return rows[0];
}

/** Soft delete: the row stays, marked, for the history. */
export async function markDeleted(db: Queryable, id: string, by: string): Promise<void> {
  await db.query('UPDATE services SET deleted_at = now(), deleted_by = $2 WHERE id = $1', [id, by]);
}
