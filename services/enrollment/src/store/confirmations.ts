import type { Queryable } from '@hearth/db';
import type { confirmationKinds, confirmationStatuses } from '@hearth/events';
import type { ConfirmationPeriod } from '../domain/employment';

export interface ConfirmationRecord {
  id: string;
  employmentId: string;
  confirmationDate: string;
  kind: (typeof confirmationKinds)[number];
  period: ConfirmationPeriod;
  status: (typeof confirmationStatuses)[number];
  periodStart: string;
  periodEnd: string;
  relatedServiceId: string | null;
  staff: { userId: string; name: string };
  recordedAt: string;
}

const toConfirmation = (r: Record<string, unknown>): ConfirmationRecord => ({
  id: r.id as string,
  employmentId: r.employment_id as string,
  confirmationDate: r.confirmation_date as string,
  kind: r.kind as ConfirmationRecord['kind'],
  period: r.period as ConfirmationPeriod,
  status: r.status as ConfirmationRecord['status'],
  periodStart: r.period_start as string,
  periodEnd: r.period_end as string,
  relatedServiceId: r.related_service_id as string | null,
  staff: { userId: r.staff_user_id as string, name: r.staff_name as string },
  recordedAt: (r.recorded_at as Date).toISOString(),
});

export async function insertConfirmation(
  tx: Queryable,
  c: Omit<ConfirmationRecord, 'recordedAt'>,
): Promise<ConfirmationRecord> {
  const { rows } = await tx.query(
    `INSERT INTO employment_confirmations (id, employment_id, confirmation_date, kind, period,
       status, period_start, period_end, related_service_id, staff_user_id, staff_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
    [
      c.id,
      c.employmentId,
      c.confirmationDate,
      c.kind,
      c.period,
      c.status,
      c.periodStart,
      c.periodEnd,
      c.relatedServiceId,
      c.staff.userId,
      c.staff.name,
    ],
  );
  return toConfirmation(rows[0]);
}

/** Each job's confirmations, by date. */
export async function confirmationsOf(
  db: Queryable,
  employmentIds: readonly string[],
): Promise<Map<string, ConfirmationRecord[]>> {
  const { rows } = await db.query(
    `SELECT * FROM employment_confirmations WHERE employment_id = ANY($1::uuid[])
     ORDER BY confirmation_date, id`,
    [employmentIds],
  );
  const byJob = new Map<string, ConfirmationRecord[]>(employmentIds.map((id) => [id, []]));
  for (const r of rows) byJob.get(r.employment_id as string)?.push(toConfirmation(r));
  return byJob;
}
