import type { Queryable } from '@hearth/db';

export interface PaymentPlan {
  id: string;
  enrollmentId: string;
  fundingSource: string;
  approvedPaymentTypes: string[];
  capCents: number;
  targetEndDate: string;
  endDate: string | null;
  housingStatusAtFundingEnd: string | null;
  /** Non-voided payments against the plan, in cents. */
  committedCents: number;
  version: number;
}

export const planColumns = `p.id, p.enrollment_id AS "enrollmentId", p.funding_source AS "fundingSource",
  p.approved_payment_types AS "approvedPaymentTypes", p.cap_cents::float8 AS "capCents",
  to_char(p.target_end_date, 'YYYY-MM-DD') AS "targetEndDate",
  to_char(p.end_date, 'YYYY-MM-DD') AS "endDate",
  p.housing_status_at_funding_end AS "housingStatusAtFundingEnd",
  (SELECT coalesce(sum(amount_cents), 0)::float8 FROM payments x
    WHERE x.plan_id = p.id AND x.status <> 'voided') AS "committedCents", p.version`;

/** Undefined when the record has a plan of this funding source already. */
export async function insertPlan(
  tx: Queryable,
  p: Omit<PaymentPlan, 'committedCents' | 'version' | 'endDate' | 'housingStatusAtFundingEnd'> & {
    createdBy: string;
    createdAt: Date;
  },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO payment_plans (id, enrollment_id, funding_source, approved_payment_types,
       cap_cents, target_end_date, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (enrollment_id, funding_source) DO NOTHING`,
    [
      p.id,
      p.enrollmentId,
      p.fundingSource,
      p.approvedPaymentTypes,
      p.capCents,
      p.targetEndDate,
      p.createdBy,
      p.createdAt,
    ],
  );
  return rowCount === 1;
}

/**
 * With `forUpdate` the plan row is locked first: payments against it wait their turn (the cap
 * holds). The lock is its own statement: a statement that waited for a row lock re-reads that row
 * but not its subqueries, so `committedCents` read with the lock would miss the payment that held it.
 */
export async function findPlan(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<PaymentPlan | undefined> {
  if (forUpdate) await db.query('SELECT 1 FROM payment_plans WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<PaymentPlan>(
    `SELECT ${planColumns} FROM payment_plans p WHERE p.id = $1`,
    [id],
  );
  return rows[0];
}

export async function plansOf(db: Queryable, enrollmentId: string): Promise<PaymentPlan[]> {
  const { rows } = await db.query<PaymentPlan>(
    `SELECT ${planColumns} FROM payment_plans p WHERE p.enrollment_id = $1 ORDER BY p.funding_source`,
    [enrollmentId],
  );
  return rows;
}

export async function updatePlan(tx: Queryable, p: PaymentPlan) {
  await tx.query(
    `UPDATE payment_plans SET approved_payment_types = $2, cap_cents = $3, target_end_date = $4,
       end_date = $5, housing_status_at_funding_end = $6, version = version + 1 WHERE id = $1`,
    [
      p.id,
      p.approvedPaymentTypes,
      p.capCents,
      p.targetEndDate,
      p.endDate,
      p.housingStatusAtFundingEnd,
    ],
  );
}
