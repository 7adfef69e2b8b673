import { z } from 'zod';
import { decideAccess } from '@hearth/access';
import { sharingOf } from '@hearth/sharing';
import { addDays } from '@hearth/time';
import { organizationToday } from '@hearth/directory';
import { actorOf } from '@hearth/auth';
import { fsspAssessmentTypes, fsspExclusionReasons } from '@hearth/events';
import { defineRoute, idParams, idempotencyHeaders, uuid, type Api } from '@hearth/http';
import type { FsspDeps } from '../deps';
import { DUE_WITHIN_DAYS, closePlanBody, recordFollowUpBody } from '../domain/follow-up';
import { createPlanBody } from '../domain/plan';
import { followUpsDueFor } from '../store/follow-ups';
import { plansOf } from '../store/plans';
import { closePlan } from '../use-cases/close-plan';
import { createPlan } from '../use-cases/create-plan';
import { recordFollowUp } from '../use-cases/record-follow-up';
import { writeOnce } from '../use-cases/write-once';
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
  closedOn: z.string().nullable(),
  followUps: z.array(
    z.strictObject({ id: z.string(), assessmentType: z.string(), assessmentDate: z.string() }),
  ),
  createdBy: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  members: z.array(member),
});

const dueFollowUp = z.strictObject({
  planId: z.string(),
  orgId: z.string(),
  headParticipantId: z.string(),
  caseWorkerUserId: z.string(),
  followUp: z.enum(['six_month', 'twelve_month']),
  dueDate: z.string(),
});
const followUp = z.strictObject({
  id: z.string(),
  planId: z.string(),
  type: z.enum(['six_month', 'twelve_month', 'revision']),
  assessmentDate: z.string(),
  scores: z.array(z.strictObject({ goalId: z.string(), score: z.number().int() })),
});

/** Family self-sufficiency plans: created from the head of household, read through the gate. */
export function planRoutes(api: Api, deps: FsspDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/fssps',
    summary: "Create a family's FSSP from its head of household; 409 when one is open already",
    tag: 'fssps',
    body: newPlan,
    headers: idempotencyHeaders,
    success: { status: 201, schema: plan },
    handler: async ({ body, headers, req, res }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, body.headParticipantId, 'write', deps.clock());
      const retry = { key: headers['idempotency-key'], request: ['POST /fssps', body] };
      const saved = await writeOnce(deps, actor, res, retry, 201, (tx) =>
        createPlan(tx, deps, actor, body),
      );
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

  // before /fssps/:id
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/fssps/follow-ups-due',
    summary: "Your plans' 6- and 12-month follow-ups due from today to 14 days on, soonest first",
    tag: 'fssps',
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(dueFollowUp) }) },
    handler: async ({ req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const today = await organizationToday(deps.pool, actor.orgId, deps.clock);
      const due = await followUpsDueFor(
        deps.pool,
        actor.orgId,
        actor.userId,
        today,
        addDays(today, DUE_WITHIN_DAYS),
      );
      const sharing = await sharingOf(
        deps.pool,
        due.map((d) => d.headParticipantId),
      );
      const readable = due.filter((d) => {
        const participant = sharing.get(d.headParticipantId);
        return (
          participant &&
          decideAccess({
            actor,
            participant,
            record: { orgId: d.orgId, restriction: 'mou' },
            action: 'read',
            now,
          }).allowed
        );
      });
      return { items: readable };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/fssps/:id/follow-ups',
    summary: 'Record a 6-month, 12-month or other revision of an open FSSP, re-scoring its goals',
    tag: 'fssps',
    params: idParams,
    body: recordFollowUpBody,
    headers: idempotencyHeaders,
    success: { status: 201, schema: followUp },
    handler: async ({ params, body, headers, req, res }) => {
      const actor = actorOf(req);
      await planFor(deps.pool, actor, params.id, 'write', deps.clock());
      const retry = { key: headers['idempotency-key'], request: ['POST follow-ups', params, body] };
      return writeOnce(deps, actor, res, retry, 201, (tx) =>
        recordFollowUp(tx, deps, actor, params.id, body),
      );
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/fssps/:id/close',
    summary: 'Close an open FSSP; its members may then be on a new one',
    tag: 'fssps',
    params: idParams,
    body: closePlanBody,
    success: { status: 200, schema: plan },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      await planFor(deps.pool, actor, params.id, 'write', deps.clock());
      return closePlan(deps, actor, params.id, body);
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
