import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { raHousingOutcomes, raOutcomeTypes } from '@hearth/events';
import { defineRoute, idParams, isoDate, type Api } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { measuresQuery, recordOutcomeBody } from '../domain/outcome';
import { outcomesOf } from '../store/outcomes';
import { measuresOf, recordOutcome } from '../use-cases/record-outcome';
import { recordFor } from './record-gate';

const outcome = z.strictObject({
  enrollmentId: z.string(),
  type: z.enum(raOutcomeTypes),
  housingStatus: z.enum(raHousingOutcomes),
  recordedOn: isoDate(),
  recordedBy: z.string(),
});
const retention = z.strictObject({
  cohort: z.number().int().describe('Episodes whose retention point falls in the period'),
  housed: z.number().int(),
  percent: z.number().nullable().describe('housed / cohort in percent, one decimal'),
});

/** Housing outcomes of a record, and the hub's measures. */
export function outcomeRoutes(api: Api, deps: RentAssistanceDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/rent-assistance/records/:id/outcomes',
    summary:
      'The hub records a housing outcome at exit, or 6 or 12 months after assistance ended (once each)',
    tag: 'rent-assistance',
    params: idParams,
    body: recordOutcomeBody,
    success: { status: 201, schema: outcome },
    problems: [403, 409, 422],
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      await recordFor(deps.pool, actor, params.id, 'write', deps.clock());
      return recordOutcome(deps, actor, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/records/:id/outcomes',
    summary: "A record's housing outcomes",
    tag: 'rent-assistance',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(outcome) }) },
    handler: async ({ params, req }) => {
      await recordFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      return { items: await outcomesOf(deps.pool, params.id) };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/measures',
    summary:
      "The hub's measures for a period: participants served with RRH or HP, percent housed at 6 and 12 months",
    tag: 'rent-assistance',
    query: measuresQuery,
    success: {
      status: 200,
      schema: z.strictObject({
        servedWithRrhOrHp: z.number().int(),
        housedAt6Months: retention,
        housedAt12Months: retention,
      }),
    },
    handler: async ({ query, req }) => measuresOf(deps, actorOf(req), query),
  });
}
