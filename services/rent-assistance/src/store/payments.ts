import type { Queryable } from '@hearth/db';
import type { RecordPaymentBody } from '../domain/payment';

export interface Payment extends RecordPaymentBody {
  id: string;
  fundingSource: string;
  status: 'pending' | 'approved' | 'paid' | 'voided';
  voidReason: string | null;
  enteredBy: string;
  approvedBy: string | null;
  modifiedBy: string;
  modifiedAt: string;
  version: number;
}

export const paymentColumns = `x.id, x.enrollment_id AS "enrollmentId", x.plan_id AS "planId",
  p.funding_source AS "fundingSource", to_char(x.payment_date, 'YYYY-MM-DD') AS "paymentDate",
  x.payment_type AS "paymentType", x.paid_to AS "paidTo", x.payee, x.year, x.month,
  x.amount_cents::float8 AS "amountCents", x.housing_type AS "housingType",
  x.ra_eligible AS "raEligible", x.adjustment_reason AS "adjustmentReason", x.status,
  x.void_reason AS "voidReason", x.entered_by AS "enteredBy", x.approved_by AS "approvedBy",
  x.modified_by AS "modifiedBy",
  to_char(x.modified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "modifiedAt",
  x.version`;
const paymentsFrom = 'FROM payments x JOIN payment_plans p ON p.id = x.plan_id';

export async function insertPayment(
  tx: Queryable,
  id: string,
  b: RecordPaymentBody,
  by: string,
  at: Date,
) {
  await tx.query(
    `INSERT INTO payments (id, enrollment_id, plan_id, payment_date, payment_type, paid_to, payee,
       year, month, amount_cents, housing_type, ra_eligible, adjustment_reason, status, entered_by,
       modified_by, modified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'pending', $14, $14, $15)`,
    [
      id,
      b.enrollmentId,
      b.planId,
      b.paymentDate,
      b.paymentType,
      b.paidTo,
      b.payee,
      b.year,
      b.month,
      b.amountCents,
      b.housingType,
      b.raEligible,
      b.adjustmentReason,
      by,
      at,
    ],
  );
}

/** Whether the month is paid already for this type (non-voided, not an adjustment). */
export async function monthPaid(
  db: Queryable,
  b: Pick<RecordPaymentBody, 'enrollmentId' | 'paymentType' | 'year' | 'month'>,
) {
  const { rowCount } = await db.query(
    `SELECT 1 FROM payments WHERE enrollment_id = $1 AND payment_type = $2 AND year = $3
       AND month = $4 AND status <> 'voided' AND adjustment_reason IS NULL`,
    [b.enrollmentId, b.paymentType, b.year, b.month],
  );
  return rowCount! > 0;
}

export async function findPayment(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<Payment | undefined> {
  const { rows } = await db.query<Payment>(
    `SELECT ${paymentColumns} ${paymentsFrom} WHERE x.id = $1${forUpdate ? ' FOR UPDATE OF x' : ''}`,
    [id],
  );
  return rows[0];
}

export async function paymentsOf(db: Queryable, enrollmentId: string): Promise<Payment[]> {
  const { rows } = await db.query<Payment>(
    `SELECT ${paymentColumns} ${paymentsFrom} WHERE x.enrollment_id = $1
     ORDER BY x.year, x.month, x.payment_date, x.id LIMIT 1000`,
    [enrollmentId],
  );
  return rows;
}

export async function movePayment(
  tx: Queryable,
  id: string,
  change: { status: string; by: string; at: Date; voidReason?: string; approvedBy?: string },
) {
  await tx.query(
    `UPDATE payments SET status = $2, modified_by = $3, modified_at = $4,
       void_reason = coalesce($5, void_reason), approved_by = coalesce($6, approved_by),
       version = version + 1 WHERE id = $1`,
    [id, change.status, change.by, change.at, change.voidReason ?? null, change.approvedBy ?? null],
  );
}
