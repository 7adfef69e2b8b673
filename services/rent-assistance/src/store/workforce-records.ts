import type { Queryable } from '@hearth/db';
import type { EnrollmentSnapshot } from '@hearth/events';

/** A workforce (Keys to Progress) enrollment as enrollment's snapshots tell it. */
export interface WorkforceRecord {
  enrollmentId: string;
  orgId: string;
  /** Who enters and approves its payments: the enrollment's service provider, else its org. */
  hubOrgId: string;
  participantId: string;
  exitDate: string | null;
  /** The payment plan's version (0: never set). */
  planVersion: number;
}

const columns = `enrollment_id AS "enrollmentId", org_id AS "orgId",
  provider_org_id AS "hubOrgId", participant_id AS "participantId",
  to_char(exit_date, 'YYYY-MM-DD') AS "exitDate", plan_version AS "planVersion"`;

/** Keep the snapshot unless a newer one is kept (events may arrive out of order). */
export async function saveWorkforceSnapshot(tx: Queryable, e: EnrollmentSnapshot, at: string) {
  await tx.query(
    `INSERT INTO workforce_records (enrollment_id, program_id, org_id, provider_org_id,
       participant_id, application_date, exit_date, status, snapshot_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (enrollment_id) DO UPDATE SET program_id = EXCLUDED.program_id,
       org_id = EXCLUDED.org_id, provider_org_id = EXCLUDED.provider_org_id,
       participant_id = EXCLUDED.participant_id, application_date = EXCLUDED.application_date,
       exit_date = EXCLUDED.exit_date, status = EXCLUDED.status, snapshot_at = EXCLUDED.snapshot_at
     WHERE workforce_records.snapshot_at <= EXCLUDED.snapshot_at`,
    [
      e.enrollmentId,
      e.programId,
      e.orgId,
      e.serviceProviderOrgId ?? e.orgId,
      e.headParticipantId,
      e.applicationDate,
      e.exitDate,
      e.status,
      at,
    ],
  );
}

/** The plan changed: its next version (the caller holds the record's row). */
export async function nextPlanVersion(tx: Queryable, enrollmentId: string) {
  const { rows } = await tx.query<{ version: number }>(
    `UPDATE workforce_records SET plan_version = plan_version + 1 WHERE enrollment_id = $1
     RETURNING plan_version AS version`,
    [enrollmentId],
  );
  return rows[0].version;
}

export async function recordWorkforceExit(tx: Queryable, enrollmentId: string, exitDate: string) {
  await tx.query('UPDATE workforce_records SET exit_date = $2 WHERE enrollment_id = $1', [
    enrollmentId,
    exitDate,
  ]);
}

export async function findWorkforceRecord(
  db: Queryable,
  enrollmentId: string,
  forUpdate = false,
): Promise<WorkforceRecord | undefined> {
  const { rows } = await db.query<WorkforceRecord>(
    `SELECT ${columns} FROM workforce_records WHERE enrollment_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [enrollmentId],
  );
  return rows[0];
}

/** A service on a workforce record, as services' events tell it (a newer version wins). */
export interface WorkforceService {
  serviceId: string;
  enrollmentId: string;
  participantId: string;
  category: string | null;
  deleted: boolean;
}

export async function saveWorkforceService(
  tx: Queryable,
  s: Omit<WorkforceService, 'category'> & {
    category?: string | null;
    serviceDate: string;
    version: number;
  },
) {
  await tx.query(
    `INSERT INTO workforce_services (service_id, enrollment_id, participant_id, service_date,
       category, deleted, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (service_id) DO UPDATE SET enrollment_id = EXCLUDED.enrollment_id,
       participant_id = EXCLUDED.participant_id, service_date = EXCLUDED.service_date,
       category = EXCLUDED.category, deleted = EXCLUDED.deleted, version = EXCLUDED.version
     WHERE workforce_services.version <= EXCLUDED.version`,
    [
      s.serviceId,
      s.enrollmentId,
      s.participantId,
      s.serviceDate,
      s.category ?? null,
      s.deleted,
      s.version,
    ],
  );
}

export async function findWorkforceService(
  db: Queryable,
  serviceId: string,
): Promise<WorkforceService | undefined> {
  const { rows } = await db.query<WorkforceService>(
    `SELECT service_id AS "serviceId", enrollment_id AS "enrollmentId",
       participant_id AS "participantId", category, deleted
     FROM workforce_services WHERE service_id = $1`,
    [serviceId],
  );
  return rows[0];
}
