import { binder, visibleToSql, type Actor } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { sharingFactsColumns } from '@hearth/sharing';
import type { ExportedPayment, PaymentExportQuery } from '../domain/payment-export';

/**
 * One page of the hub's ledger for the export, after `after` in (payment date, id) order: the
 * payments of the records whose hub is the actor's organization, of participants the actor may
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
  const visible = visibleToSql(sharingFactsColumns('s'), actor, now, bind);
  const page = after
    ? `AND (x.payment_date, x.id) > (${bind(after.paymentDate)}::date, ${bind(after.id)}::uuid)`
    : '';
  const { rows } = await db.query<ExportedPayment>(
    `SELECT to_char(x.payment_date, 'YYYY-MM-DD') AS "paymentDate", x.payee, x.paid_to AS "paidTo",
       x.payment_type AS "paymentType", p.funding_source AS "fundingSource", x.year, x.month,
       x.amount_cents::float8 AS "amountCents", r.participant_id AS "participantId", x.status, x.id
     FROM payments x
     JOIN payment_plans p ON p.id = x.plan_id
     JOIN ra_records r ON r.enrollment_id = x.enrollment_id
     JOIN sharing_facts s ON s.participant_id = r.participant_id
     WHERE r.hub_org_id = $1 AND x.payment_date BETWEEN $2::date AND $3::date
       AND ($4::text IS NULL OR p.funding_source = $4) ${page} AND ${visible}
     ORDER BY x.payment_date, x.id LIMIT ${bind(limit)}`,
    params,
  );
  return rows;
}
