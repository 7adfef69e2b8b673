import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { actorOf } from '@hearth/auth';
import { defineRoute, type Api } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { paymentExportQuery } from '../domain/payment-export';
import { exportPayments } from '../use-cases/export-payments';

/** The accounting export; mounted before `/payments/:id` so its path is not taken for an id. */
export function paymentExportRoutes(api: Api, deps: RentAssistanceDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/payments/export.csv',
    summary:
      "The hub's rent and Keys to Progress payments dated from … to (a funding source's, or all) as CSV for accounting, amounts in dollars",
    tag: 'payments',
    query: paymentExportQuery,
    success: { status: 200, contentType: 'text/csv', description: 'One line per payment' },
    handler: async ({ query, req, res }) => {
      const lines = exportPayments(deps, actorOf(req), query);
      // the first page is read before the answer starts: a failure there is still a problem answer
      const first = await lines.next();
      res.status(200).type('text/csv; charset=utf-8');
      res.set('content-disposition', 'attachment; filename="payments.csv"');
      res.set('cache-control', 'no-store'); // payees and amounts: never in a shared cache
      async function* all() {
        if (!first.done) yield first.value;
        yield* lines;
      }
      await pipeline(Readable.from(all()), res).catch((err: unknown) => {
        // the reader went away, or a later page failed: the answer is cut, only the log is left
        deps.logger.warn({ err }, 'a payment export was not delivered whole');
      });
    },
  });
}
