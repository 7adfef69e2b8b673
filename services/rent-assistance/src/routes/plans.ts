import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { raPaymentTypes } from '@hearth/events';
import { defineRoute, idParams, notFound, type Api } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { changePlanBody, createPlanBody } from '../domain/plan';
import { findPlan, plansOf } from '../store/plans';
import { changePlan, createPlan } from '../use-cases/plans';
import { recordFor } from './record-gate';

const plan = z.strictObject({
  id: z.string(),
  enrollmentId: z.string(),
  fundingSource: z.string(),
  approvedPaymentTypes: z.array(z.enum(raPaymentTypes)),
  capCents: z.number().int(),
  targetEndDate: z.string(),
  endDate: z.string().nullable(),
  housingStatusAtFundingEnd: z.string().nullable(),
  committedCents: z.number().int(),
  version: z.number().int(),
});

/** Payment and services plans: one per record and funding source, the hub's. */
export function planRoutes(api: Api, deps: RentAssistanceDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/rent-assistance/records/:id/plans',
    summary: 'Add the payment and services plan of a funding source (409 when it has one)',
    tag: 'rent-assistance',
    params: idParams,
    body: createPlanBody,
    success: { status: 201, schema: plan },
    problems: [403, 409, 422],
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      await recordFor(deps.pool, actor, params.id, 'write', deps.clock());
      return createPlan(deps, actor, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/rent-assistance/records/:id/plans',
    summary: "A record's payment and services plans with what each committed",
    tag: 'rent-assistance',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(plan) }) },
    handler: async ({ params, req }) => {
      await recordFor(deps.pool, actorOf(req), params.id, 'read', deps.clock());
      return { items: await plansOf(deps.pool, params.id) };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/rent-assistance/plans/:id',
    summary: 'Extend, end (with the housing status at funding end) or change a plan',
    tag: 'rent-assistance',
    params: idParams,
    body: changePlanBody,
    success: { status: 200, schema: plan },
    problems: [403, 409, 422],
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const found = await findPlan(deps.pool, params.id);
      if (!found) throw notFound('The plan');
      await recordFor(deps.pool, actor, found.enrollmentId, 'write', deps.clock());
      return changePlan(deps, actor, params.id, body);
    },
  });
}
