import { pipeline } from 'node:stream/promises';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, type Api } from '@hearth/http';
import type { FsspDeps } from '../deps';
import { printPlanQuery } from '../domain/plan-print';
import { printPlan } from '../use-cases/print-plan';
import { planFor } from './plan-gate';

/** The FSSP's print: read through the plan's gate (a plan you may not see is 404, audited). */
export function printRoutes(api: Api, deps: FsspDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/fssps/:id/print',
    summary: 'The FSSP, its goals, or one follow-up as a PDF, when you may read the plan',
    tag: 'fssps',
    params: idParams,
    query: printPlanQuery,
    success: { status: 200, contentType: 'application/pdf', description: 'The part as a PDF' },
    handler: async ({ params, query, req, res }) => {
      const plan = await planFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      const pdf = await printPlan(deps, actorOf(req), plan, query);
      res.status(200).type('application/pdf');
      res.set('content-disposition', 'attachment; filename="fssp.pdf"');
      res.set('cache-control', 'no-store'); // a family's plan: never in a shared cache
      await pipeline(pdf, res).catch((err: unknown) => {
        if (!res.headersSent) throw err; // failed before a byte: a problem answer can still go
        // the reader went away, or the PDF failed midway: the answer is cut, only the log is left
        deps.logger.warn({ err }, 'an FSSP print was not delivered whole');
      });
    },
  });
}
