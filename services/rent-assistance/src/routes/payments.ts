import { z } from 'zod';
import type { Action } from '@hearth/access';
import { actorOf, type Actor } from '@hearth/auth';
import { raHousingTypes, raPaidTo, raPaymentStatuses, raPaymentTypes } from '@hearth/events';
import { defineRoute, idParams, idempotencyHeaders, notFound, type Api } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { recordPaymentBody, versionBody, voidPaymentBody } from '../domain/payment';
import { committedOfEpisode, episodesOf } from '../store/person-records';
import { findPayment, paymentsOf } from '../store/payments';
import { committedOfRecords } from '../store/records';
import { findWorkforcePayment } from '../store/workforce-payments';
import { changePaymentStatus, type PaymentMove } from '../use-cases/move-payment';
import { recordPayment } from '../use-cases/record-payment';
import { recordFor, workforceRecordFor } from './record-gate';
import { workforcePayment } from './workforce-payments';

/** Every payment write names its Idempotency-Key: entering one payment twice never pays twice. */
const keyRequired = z.object({
  'idempotency-key': idempotencyHeaders.shape['idempotency-key'].unwrap(),
});
const payment = z.strictObject({
  id: z.string(),
  enrollmentId: z.string(),
  planId: z.string(),
  fundingSource: z.string(),
  paymentDate: z.string(),
  paymentType: z.enum(raPaymentTypes),
  paidTo: z.enum(raPaidTo),
  payee: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  amountCents: z.number().int(),
  housingType: z.enum(raHousingTypes),
  raEligible: z.boolean(),
  adjustmentReason: z.string().nullable(),
  status: z.enum(raPaymentStatuses),
  voidReason: z.string().nullable(),
  enteredBy: z.string(),
  approvedBy: z.string().nullable(),
  modifiedBy: z.string(),
  modifiedAt: z.string(),
  version: z.number().int(),
});

/** Either kind of the one ledger: rent assistance, or Keys to Progress (training, support). */
const anyPayment = z.union([payment, workforcePayment]);

/** A payment of either kind through its record's gate (unknown or denied: 404). */
async function gatedPayment(deps: RentAssistanceDeps, actor: Actor, id: string, action: Action) {
  const rent = await findPayment(deps.pool, id);
  if (rent) {
    await recordFor(deps.pool, actor, rent.enrollmentId, action, deps.clock());
    return rent;
  }
  const other = await findWorkforcePayment(deps.pool, id);
  if (!other) throw notFound('The payment');
  await workforceRecordFor(deps.pool, actor, other.enrollmentId, action, deps.clock());
  return other;
}

/** The finance hub's payments ledger: pending → approved (a second user) → paid, or voided. */
export function paymentRoutes(api: Api, deps: RentAssistanceDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/payments',
    summary: "Enter a payment against a record's plan (pending); refused naming each broken rule",
    tag: 'payments',
    body: recordPaymentBody,
    headers: keyRequired,
    success: { status: 201, schema: payment },
    problems: [403, 409, 422],
    handler: async ({ body, headers, req, res }) => {
      const actor = actorOf(req);
      await recordFor(deps.pool, actor, body.enrollmentId, 'write', deps.clock());
      const saved = await recordPayment(deps, actor, body, headers['idempotency-key']);
      res.location(`/api/v1/payments/${saved.id}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/payments/:id',
    summary: 'One payment',
    tag: 'payments',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: anyPayment },
    handler: async ({ params, req }) => gatedPayment(deps, actorOf(req), params.id, 'read'),
  });

  const moves: Array<{ path: string; to: PaymentMove['to']; summary: string; body: z.ZodObject }> =
    [
      {
        path: 'approval',
        to: 'approved',
        summary: 'Approve (a second hub user)',
        body: versionBody,
      },
      { path: 'paid', to: 'paid', summary: 'Mark an approved payment paid', body: versionBody },
      { path: 'void', to: 'voided', summary: 'Void with a reason (kept)', body: voidPaymentBody },
    ];
  for (const move of moves)
    defineRoute(api.router, api.registry, {
      method: 'post',
      path: `/payments/:id/${move.path}`,
      summary: `${move.summary}; Idempotency-Key required`,
      tag: 'payments',
      params: idParams,
      body: move.body,
      headers: keyRequired,
      success: { status: 200, schema: anyPayment },
      problems: [403, 409, 422],
      handler: async ({ params, body, headers, req }) => {
        const actor = actorOf(req);
        await gatedPayment(deps, actor, params.id, 'write');
        const given = body as { version: number; reason?: string };
        const change =
          move.to === 'voided'
            ? { to: 'voided' as const, reason: given.reason!, version: given.version }
            : { to: move.to, version: given.version };
        return changePaymentStatus(deps, actor, params.id, change, headers['idempotency-key']);
      },
    });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/records/:id/payments',
    summary: "A record's payments, with totals (non-voided) per funding source and month",
    tag: 'payments',
    params: idParams,
    query: z.strictObject({}),
    success: {
      status: 200,
      schema: z.object({
        items: z.array(payment),
        totalCents: z.number().int(),
        byFundingSource: z.record(z.string(), z.number().int()),
        byMonth: z.record(z.string(), z.number().int()),
        totalAmountRequestedCents: z.number().int().nullable(),
        remainingOfRequestedCents: z
          .number()
          .int()
          .nullable()
          .describe(
            'What the total amount requested leaves for payments (null: no total given); the payments of the person’s other open records in the program count too',
          ),
      }),
    },
    handler: async ({ params, req }) => {
      const record = await recordFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      const items = await paymentsOf(deps.pool, params.id);
      const live = items.filter((p) => p.status !== 'voided');
      const add = (into: Record<string, number>, key: string, cents: number) =>
        (into[key] = (into[key] ?? 0) + cents);
      const byFundingSource: Record<string, number> = {};
      const byMonth: Record<string, number> = {};
      for (const p of live) {
        add(byFundingSource, p.fundingSource, p.amountCents);
        add(byMonth, `${p.year}-${String(p.month).padStart(2, '0')}`, p.amountCents);
      }
      const totalCents = live.reduce((t, p) => t + p.amountCents, 0);
      const requested = record.totalAmountRequestedCents;
      // a person linked in intake: their open records in the program count against it together
      const episode = (await episodesOf(deps.pool, [record])).get(record.enrollmentId)!;
      const committed = committedOfEpisode(episode, await committedOfRecords(deps.pool, episode));
      return {
        items,
        totalCents,
        byFundingSource,
        byMonth,
        totalAmountRequestedCents: requested,
        remainingOfRequestedCents: requested === null ? null : Math.max(0, requested - committed),
      };
    },
  });
}
