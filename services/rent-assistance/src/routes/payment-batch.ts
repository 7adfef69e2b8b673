import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idempotencyHeaders, type Api } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { paymentBatchBody } from '../domain/payment-batch';
import { recordPaymentBatch } from '../use-cases/record-payment-batch';
import { recordsFor } from './record-gate';

const keyRequired = z.object({
  'idempotency-key': idempotencyHeaders.shape['idempotency-key'].unwrap(),
});
const rowResult = z.strictObject({
  row: z.number().int(),
  status: z.number().int(),
  paymentId: z.string().nullable(),
  detail: z.string().nullable(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});

/** The finance hub's batch entry: a result per row (201, or the 4xx a single payment would get). */
export function paymentBatchRoutes(api: Api, deps: RentAssistanceDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/payments/batch',
    summary: 'Enter up to 5,000 payments across records, each row by the rules of one payment',
    tag: 'payments',
    body: paymentBatchBody,
    headers: keyRequired,
    success: { status: 200, schema: z.object({ results: z.array(rowResult) }) },
    problems: [422],
    handler: async ({ body, headers, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      return recordPaymentBatch(deps, actor, body, headers['idempotency-key'], (ids) =>
        recordsFor(deps.pool, actor, ids, 'write', now),
      );
    },
  });
}
