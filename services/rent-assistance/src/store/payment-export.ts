import { binder, visibleToSql, type Actor } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { sharingFactsColumns } from '@hearth/sharing';
import {
  KEYS_TO_PROGRESS_FUNDING,
  type ExportedPayment,
  type PaymentExportQuery,
} from '../domain/payment-export';

/**
 * One page of the hub's ledger for the export, after `after` in (payment date, id) order: the
 * payments of the records whose hub is the actor's organization (a Rent Assistance record's hub,
 * a workforce record's service provider: who enters its payments), of participants the actor may
 * see (sharing facts arrived; none = not exported), dated within the range.
 */
export async function exportPage(
  db: Queryable,
  actor: Actor,
  q: PaymentExportQuery,
  after: { paymentDate: string; id: string } | null,
  limit: number,
  now: Date,
): Promise<ExportedPayment[]> {
  const params: unknown[] = [actor.orgId, q.from, q.to, q.fundingSource ?? null];
  const bind = binder(params);
  // a rent payment's plan names its funding source; a Keys to Progress payment has no plan
  const funding = `COALESCE(p.funding_source, ${bind(KEYS_TO_PROGRESS_FUNDING)}::text)`;
  const visible = visibleToSql(sharingFactsColumns('s'), actor, now, bind);
  const page = after
    ? `AND (x.payment_date, x.id) > (${bind(after.paymentDate)}::date, ${bind(after.id)}::uuid)`
    : '';
  const { rows } = await db.query<ExportedPayment>(
    `SELECT to_char(x.payment_date, 'YYYY-MM-DD') AS "paymentDate", x.payee, x.paid_to AS "paidTo",
       x.payment_type AS "paymentType", ${funding} AS "fundingSource", x.year, x.month,
       x.amount_cents::float8 AS "amountCents", s.participant_id AS "participantId", x.status,
       x.id, x.category, x.training_service_id AS "trainingServiceId",
       x.fiscal_reference AS "fiscalReference"
     FROM payments x
     LEFT JOIN payment_plans p ON p.id = x.plan_id
     LEFT JOIN ra_records r ON r.enrollment_id = x.enrollment_id
       AND x.category = 'rent_assistance'
     LEFT JOIN workforce_records w ON w.enrollment_id = x.enrollment_id
       AND x.category <> 'rent_assistance'
     JOIN sharing_facts s ON s.participant_id = COALESCE(r.participant_id, w.participant_id)
     WHERE COALESCE(r.hub_org_id, w.provider_org_id) = $1
       AND x.payment_date BETWEEN $2::date AND $3::date
       AND ($4::text IS NULL OR ${funding} = $4) ${page} AND ${visible}
     ORDER BY x.payment_date, x.id LIMIT ${bind(limit)}`,
    params,
  );
  return rows;
}
