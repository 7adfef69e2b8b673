import type { Queryable } from '@hearth/db';
import type { WorkforcePaymentCategory, WorkforcePaymentEntry } from '../domain/workforce-payment';
import type { CommittedRow, PlanLine } from '../domain/workforce-plan';

/** A training or support payment of the ledger as answered. */
export interface WorkforcePayment {
  id: string;
  enrollmentId: string;
  category: WorkforcePaymentCategory;
  paymentDate: string;
  /** The training payment type, or the support type. */
  paymentType: string;
  paidTo: string;
  payee: string;
  amountCents: number;
  trainingServiceId: string | null;
  otherResourcesUnavailable: boolean | null;
  timeframeStart: string | null;
  timeframeEnd: string | null;
  wioaIta: boolean | null;
  fiscalReference: string | null;
  justification: string | null;
  status: 'pending' | 'approved' | 'paid' | 'voided';
  voidReason: string | null;
  enteredBy: string;
  approvedBy: string | null;
  modifiedBy: string;
  modifiedAt: string;
  version: number;
}

const columns = `id, enrollment_id AS "enrollmentId", category,
  to_char(payment_date, 'YYYY-MM-DD') AS "paymentDate", payment_type AS "paymentType",
  paid_to AS "paidTo", payee, amount_cents::float8 AS "amountCents",
  training_service_id AS "trainingServiceId",
  other_resources_unavailable AS "otherResourcesUnavailable",
  to_char(timeframe_start, 'YYYY-MM-DD') AS "timeframeStart",
  to_char(timeframe_end, 'YYYY-MM-DD') AS "timeframeEnd", wioa_ita AS "wioaIta",
  fiscal_reference AS "fiscalReference", justification, status, void_reason AS "voidReason",
  entered_by AS "enteredBy", approved_by AS "approvedBy", modified_by AS "modifiedBy",
  to_char(modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "modifiedAt",
  version`;
const workforceOnly = `category IN ('training_education', 'support_service')`;

export async function insertWorkforcePayment(
  tx: Queryable,
  id: string,
  e: WorkforcePaymentEntry,
  by: string,
  at: Date,
) {
  const training = e.category === 'training_education' ? e : undefined;
  const support = e.category === 'support_service' ? e : undefined;
  await tx.query(
    `INSERT INTO payments (id, enrollment_id, category, payment_date, payment_type, paid_to, payee,
       amount_cents, training_service_id, other_resources_unavailable, timeframe_start,
       timeframe_end, wioa_ita, fiscal_reference, justification, status, entered_by, modified_by,
       modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'pending', $16, $16,
       $17)`,
    [
      id,
      e.enrollmentId,
      e.category,
      e.paymentDate,
      training?.paymentType ?? support!.supportType,
      e.paidTo,
      e.payee,
      e.amountCents,
      training?.trainingServiceId ?? null,
      support?.otherResourcesUnavailable ?? null,
      support?.timeframeStart ?? null,
      support?.timeframeEnd ?? null,
      training?.wioaIta ?? null,
      e.fiscalReference,
      support?.justification ?? null,
      by,
      at,
    ],
  );
}

export async function findWorkforcePayment(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<WorkforcePayment | undefined> {
  const { rows } = await db.query<WorkforcePayment>(
    `SELECT ${columns} FROM payments WHERE id = $1 AND ${workforceOnly}${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function workforcePaymentsOf(db: Queryable, enrollmentId: string) {
  const { rows } = await db.query<WorkforcePayment>(
    `SELECT ${columns} FROM payments WHERE enrollment_id = $1 AND ${workforceOnly}
     ORDER BY payment_date, id LIMIT 1000`,
    [enrollmentId],
  );
  return rows;
}

/** The record's non-voided cents per category and type: pending, and approved or paid. */
export async function committedOf(db: Queryable, enrollmentId: string) {
  const { rows } = await db.query<CommittedRow>(
    `SELECT category, payment_type AS "paymentType",
       coalesce(sum(amount_cents) FILTER (WHERE status = 'pending'), 0)::float8 AS "pendingCents",
       coalesce(sum(amount_cents) FILTER (WHERE status IN ('approved', 'paid')), 0)::float8
         AS "paidCents"
     FROM payments WHERE enrollment_id = $1 AND ${workforceOnly} AND status <> 'voided'
     GROUP BY category, payment_type ORDER BY category, payment_type`,
    [enrollmentId],
  );
  return rows;
}

/** The record's plan lines (none: no plan); a line of the whole category has no payment type. */
export async function planLinesOf(db: Queryable, enrollmentId: string) {
  const { rows } = await db.query<PlanLine>(
    `SELECT category, nullif(payment_type, '') AS "paymentType",
       planned_cents::float8 AS "plannedCents"
     FROM workforce_plan_lines WHERE enrollment_id = $1 ORDER BY category, payment_type`,
    [enrollmentId],
  );
  return rows;
}

/** Replace the record's plan with these lines (none: no plan any more). */
export async function replacePlanLines(
  tx: Queryable,
  enrollmentId: string,
  lines: readonly PlanLine[],
) {
  await tx.query('DELETE FROM workforce_plan_lines WHERE enrollment_id = $1', [enrollmentId]);
  await tx.query(
    `INSERT INTO workforce_plan_lines (enrollment_id, category, payment_type, planned_cents)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[])`,
    [
      enrollmentId,
      lines.map((l) => l.category),
      lines.map((l) => l.paymentType ?? ''),
      lines.map((l) => l.plannedCents),
    ],
  );
}
