import { z } from 'zod';
import { decideAccess } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { fsspAssessmentTypes, fsspExclusionReasons } from '@hearth/events';
import { defineRoute, idParams, uuid, type Api } from '@hearth/http';
import type { FsspDeps } from '../deps';
import { createPlanBody } from '../domain/plan';
import { plansOf } from '../store/plans';
import { createPlan } from '../use-cases/create-plan';
import { participantFor } from './participant-gate';
import { planFor } from './plan-gate';

const newPlan = createPlanBody.extend({
  assessmentDate: createPlanBody.shape.assessmentDate.describe(
    "Never after the organization's today; sets the 6- and 12-month follow-up dates",
  ),
  enrollmentId: createPlanBody.shape.enrollmentId.describe(
    "The head's associated enrollment (any program, at your organization)",
  ),
  exclusions: createPlanBody.shape.exclusions.describe(
    'Family members left out, each with a reason; all others are included',
  ),
});
const member = z.strictObject({
  participantId: z.string(),
  isHead: z.boolean(),
  included: z.boolean(),
  exclusionReason: z.enum(fsspExclusionReasons).nullable(),
  caseNoteId: z.string().nullable(),
  enrollmentId: z.string().nullable(),
});
const plan = z.strictObject({
  id: z.string(),
  orgId: z.string(),
  familyId: z.string().nullable(),
  headParticipantId: z.string(),
  enrollmentId: z.string(),
  assessmentDate: z.string(),
  assessmentType: z.enum(fsspAssessmentTypes),
  sixMonthFollowUpDate: z.string(),
  twelveMonthFollowUpDate: z.string(),
  status: z.enum(['open', 'closed']),
  createdBy: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  members: z.array(member),
});

/** Family self-sufficiency plans: created from the head of household, read through the gate. */
export function planRoutes(api: Api, deps: FsspDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/fssps',
    summary: "Create a family's FSSP from its head of household; 409 when one is open already",
    tag: 'fssps',
    body: newPlan,
    success: { status: 201, schema: plan },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, body.headParticipantId, 'write', deps.clock());
      const saved = await createPlan(deps, actor, body);
      res.location(`/api/v1/fssps/${saved.id}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/fssps',
    summary: 'The FSSPs naming a participant, the latest assessment first: those you may read',
    tag: 'fssps',
    query: z.strictObject({ participantId: uuid() }),
    success: { status: 200, schema: z.object({ items: z.array(plan) }) },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const p = await participantFor(deps.pool, actor, query.participantId, 'read', now);
      const plans = await plansOf(deps.pool, query.participantId, 200);
      const readable = plans.filter(
        (x) =>
          decideAccess({
            actor,
            participant: p.sharing,
            record: { orgId: x.orgId, restriction: 'mou' },
            action: 'read',
            now,
          }).allowed,
      );
      return { items: readable };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/fssps/:id',
    summary: 'One FSSP with its members, when you may read it',
    tag: 'fssps',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: plan },
    handler: async ({ params, req }) =>
      planFor(deps.pool, actorOf(req), params.id, 'read', deps.clock()),
  });
}
