import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { raPaymentStatuses, workforcePaidTo, workforcePaymentCategories } from '@hearth/events';
import { defineRoute, idParams, idempotencyHeaders, type Api } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { supportPaymentBody, trainingPaymentBody } from '../domain/workforce-payment';
import { planView, workforcePlanBody } from '../domain/workforce-plan';
import { committedOf, planLinesOf, workforcePaymentsOf } from '../store/workforce-payments';
import { recordWorkforcePayment } from '../use-cases/record-workforce-payment';
import { setWorkforcePlan } from '../use-cases/set-workforce-plan';
import { workforceRecordFor } from './record-gate';

const keyRequired = z.object({
  'idempotency-key': idempotencyHeaders.shape['idempotency-key'].unwrap(),
});

/** A Keys to Progress payment as answered (the ledger's training and support rows). */
export const workforcePayment = z.strictObject({
  id: z.string(),
  enrollmentId: z.string(),
  category: z.enum(workforcePaymentCategories),
  paymentDate: z.string(),
  paymentType: z.string().describe("The training payment's type, or the support type"),
  paidTo: z.enum(workforcePaidTo),
  payee: z.string(),
  amountCents: z.number().int(),
  trainingServiceId: z.string().nullable(),
  otherResourcesUnavailable: z.boolean().nullable(),
  timeframeStart: z.string().nullable(),
  timeframeEnd: z.string().nullable(),
  wioaIta: z.boolean().nullable(),
  fiscalReference: z.string().nullable(),
  justification: z.string().nullable(),
  status: z.enum(raPaymentStatuses),
  voidReason: z.string().nullable(),
  enteredBy: z.string(),
  approvedBy: z.string().nullable(),
  modifiedBy: z.string(),
  modifiedAt: z.string(),
  version: z.number().int(),
});

const planLines = z.array(
  z.strictObject({
    category: z.enum(workforcePaymentCategories),
    paymentType: z.string().nullable().describe('Null: the whole category'),
    plannedCents: z.number().int(),
    pendingCents: z.number().int(),
    paidCents: z.number().int().describe('Approved or paid'),
    remainingCents: z.number().int().describe('Planned less every non-voided payment'),
  }),
);

const planVersion = z
  .number()
  .int()
  .describe("The plan's version (0: never set): a change of the plan names it");

/**
 * Keys to Progress payments in the same ledger as rent: training and education payments, support
 * service payments, and the record's optional payment plan. Approval, paid and void are the
 * ledger's own routes (`/payments/{id}/approval|paid|void`).
 */
export function workforcePaymentRoutes(api: Api, deps: RentAssistanceDeps) {
  const entries = [
    {
      path: 'training-education',
      category: 'training_education' as const,
      body: trainingPaymentBody,
      summary: 'Enter a training and education payment for a training service record (pending)',
    },
    {
      path: 'support-services',
      category: 'support_service' as const,
      body: supportPaymentBody,
      summary: 'Enter a support service payment (pending); other resources must be unavailable',
    },
  ];
  for (const entry of entries)
    defineRoute(api.router, api.registry, {
      method: 'post',
      path: `/payments/${entry.path}`,
      summary: `${entry.summary}; Idempotency-Key required`,
      tag: 'payments',
      body: entry.body,
      headers: keyRequired,
      success: { status: 201, schema: workforcePayment },
      problems: [403, 422],
      handler: async ({ body, headers, req, res }) => {
        const actor = actorOf(req);
        // each route parsed its own kind's body; the category says which it is
        const b = body as z.infer<typeof trainingPaymentBody> & z.infer<typeof supportPaymentBody>;
        await workforceRecordFor(deps.pool, actor, b.enrollmentId, 'write', deps.clock());
        const saved = await recordWorkforcePayment(
          deps,
          actor,
          { ...b, category: entry.category },
          headers['idempotency-key'],
        );
        res.location(`/api/v1/payments/${saved.id}`);
        return saved;
      },
    });

  defineRoute(api.router, api.registry, {
    method: 'put',
    path: '/rent-assistance/workforce-records/:id/payment-plan',
    summary: "Set a workforce record's payment plan: planned cents per payment category or type",
    tag: 'payments',
    params: idParams,
    body: workforcePlanBody,
    success: { status: 200, schema: z.object({ lines: planLines, version: planVersion }) },
    problems: [403, 409, 422],
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      await workforceRecordFor(deps.pool, actor, params.id, 'write', deps.clock());
      return setWorkforcePlan(deps, actor, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/workforce-records/:id/payments',
    summary:
      "A workforce record's payments, totals per category and its plan (planned, paid, remaining)",
    tag: 'payments',
    params: idParams,
    query: z.strictObject({}),
    success: {
      status: 200,
      schema: z.object({
        items: z.array(workforcePayment),
        totalsByCategory: z.record(z.string(), z.number().int()).describe('Non-voided, in cents'),
        plan: planLines.nullable().describe('Null: the record has no payment plan'),
        planVersion,
      }),
    },
    handler: async ({ params, req }) => {
      const record = await workforceRecordFor(
        deps.pool,
        actorOf(req),
        params.id,
        'read',
        deps.clock(),
      );
      const items = await workforcePaymentsOf(deps.pool, params.id);
      const committed = await committedOf(deps.pool, params.id);
      const lines = await planLinesOf(deps.pool, params.id);
      const totalsByCategory: Record<string, number> = {};
      for (const c of committed)
        totalsByCategory[c.category] =
          (totalsByCategory[c.category] ?? 0) + c.pendingCents + c.paidCents;
      const plan = lines.length ? planView(lines, committed) : null;
      return { items, totalsByCategory, plan, planVersion: record.planVersion };
    },
  });
}
