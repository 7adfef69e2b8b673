import type { Queryable } from '@hearth/db';
import type { RecordPaymentBody } from '../domain/payment';
import { monthKey } from '../domain/engagement';
import { paidMonthKey } from '../domain/payment-rules';
import { paymentColumns, type Payment } from './payments';
import { planColumns, type PaymentPlan } from './plans';
import { recordColumns, type RaRecord } from './records';

/**
 * What a batch's rules read, a few statements for every row. The plans are locked first, in id
 * order (two batches, or a batch and single payments, never wait on each other in a cycle), then
 * read with their committed sums in a statement of their own (see findPlan); then the records,
 * locked in id order as a single payment locks its record after its plan.
 */
export async function lockedPlansAndRecords(
  tx: Queryable,
  planIds: readonly string[],
  enrollmentIds: readonly string[],
) {
  await tx.query('SELECT 1 FROM payment_plans WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
    planIds,
  ]);
  const { rows: plans } = await tx.query<PaymentPlan>(
    `SELECT ${planColumns} FROM payment_plans p WHERE p.id = ANY($1::uuid[])`,
    [planIds],
  );
  const { rows: records } = await tx.query<RaRecord>(
    `SELECT ${recordColumns} FROM ra_records WHERE enrollment_id = ANY($1::uuid[])
     ORDER BY enrollment_id FOR UPDATE`,
    [enrollmentIds],
  );
  return {
    plans: new Map(plans.map((p) => [p.id, p])),
    records: new Map(records.map((r) => [r.enrollmentId, r])),
  };
}

/** Each record's first coaching service, its final rent exit and its engaged months ('YYYY-MM'). */
export async function engagementOf(tx: Queryable, enrollmentIds: readonly string[]) {
  const { rows: services } = await tx.query<{
    id: string;
    first: string | null;
    finalRent: string | null;
  }>(
    `SELECT enrollment_id AS id,
       to_char(min(service_date) FILTER (WHERE kind = 'coaching'), 'YYYY-MM-DD') AS first,
       to_char(max(service_date) FILTER (WHERE kind = 'final_rent_exit'), 'YYYY-MM-DD')
         AS "finalRent"
     FROM record_services WHERE enrollment_id = ANY($1::uuid[]) AND NOT deleted
     GROUP BY enrollment_id`,
    [enrollmentIds],
  );
  const { rows: engaged } = await tx.query<{ id: string; year: number; month: number }>(
    `SELECT enrollment_id AS id, year, month FROM engagement_checks
     WHERE enrollment_id = ANY($1::uuid[]) AND engaged`,
    [enrollmentIds],
  );
  const months = new Map<string, Set<string>>();
  for (const e of engaged) {
    if (!months.has(e.id)) months.set(e.id, new Set());
    months.get(e.id)!.add(monthKey(e.year, e.month));
  }
  return {
    firstCoaching: new Map(services.map((c) => [c.id, c.first])),
    finalRentExit: new Map(services.map((c) => [c.id, c.finalRent])),
    engagedMonths: months,
  };
}

/** The months (paidMonthKey) already paid, non-voided and not adjustments, among those rows name. */
export async function paidMonthsAmong(
  tx: Queryable,
  rows: ReadonlyArray<Pick<RecordPaymentBody, 'enrollmentId' | 'paymentType' | 'year' | 'month'>>,
): Promise<Set<string>> {
  const { rows: paid } = await tx.query<Parameters<typeof paidMonthKey>[0]>(
    `SELECT DISTINCT x.enrollment_id AS "enrollmentId", x.payment_type AS "paymentType", x.year,
       x.month
     FROM payments x JOIN unnest($1::uuid[], $2::text[], $3::int[], $4::int[]) AS r (e, t, y, m)
       ON x.enrollment_id = r.e AND x.payment_type = r.t AND x.year = r.y AND x.month = r.m
     WHERE x.status <> 'voided' AND x.adjustment_reason IS NULL`,
    [
      rows.map((r) => r.enrollmentId),
      rows.map((r) => r.paymentType),
      rows.map((r) => r.year),
      rows.map((r) => r.month),
    ],
  );
  return new Set(paid.map(paidMonthKey));
}

/**
 * The accepted rows in one INSERT, answered as the ledger reads them, in the order given. The rows
 * go as one JSON parameter: array parameters are escaped element by element, slow for thousands.
 */
export async function insertPayments(
  tx: Queryable,
  rows: ReadonlyArray<{ id: string; body: RecordPaymentBody }>,
  by: string,
  at: Date,
): Promise<Payment[]> {
  if (!rows.length) return [];
  const { rows: payments } = await tx.query<Payment>(
    `WITH x AS (
       INSERT INTO payments (id, enrollment_id, plan_id, payment_date, payment_type, paid_to, payee,
         year, month, amount_cents, housing_type, ra_eligible, adjustment_reason, status,
         entered_by, modified_by, modified_at)
       SELECT r.id, r."enrollmentId", r."planId", r."paymentDate", r."paymentType", r."paidTo",
         r.payee, r.year, r.month, r."amountCents", r."housingType", r."raEligible",
         r."adjustmentReason", 'pending', $2, $2, $3
       FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, "enrollmentId" uuid, "planId" uuid,
         "paymentDate" date, "paymentType" text, "paidTo" text, payee text, year int, month int,
         "amountCents" bigint, "housingType" text, "raEligible" boolean, "adjustmentReason" text)
       RETURNING *)
     SELECT ${paymentColumns} FROM x JOIN payment_plans p ON p.id = x.plan_id`,
    [JSON.stringify(rows.map((r) => ({ ...r.body, id: r.id }))), by, at],
  );
  const byId = new Map(payments.map((p) => [p.id, p]));
  return rows.map((r) => byId.get(r.id)!);
}
