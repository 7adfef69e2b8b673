import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, isoDate, notFound, uuid, type Api } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { givenAnswer, question, questions } from '../domain/assessment';
import { assessmentsOf, latestDefinition, latestDefinitions } from '../store/assessments';
import { createDefinition, editDefinition } from '../use-cases/assessment-definitions';
import { recordAssessment } from '../use-cases/record-assessment';
import { requireRole } from './ce-roles';
import { participantFor } from './participant-gate';

const EDITORS = ['supervisor', 'ce_manager'];
const ASSESSORS = ['ce_manager', 'caseworker'];

const definitionBody = z.strictObject({ name: z.string().trim().min(1).max(200), questions });
const definition = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  questions: z.array(question),
  createdAt: z.string(),
});
const assessment = z.object({
  id: z.string(),
  participantId: z.string(),
  orgId: z.string(),
  assessedBy: z.string(),
  definitionId: z.string(),
  definitionVersion: z.number().int(),
  assessmentDate: z.string(),
  score: z.number().int(),
  answers: z.array(
    z.object({
      questionId: z.string(),
      questionLabel: z.string(),
      value: z.string(),
      valueLabel: z.string(),
      points: z.number().int(),
    }),
  ),
  createdAt: z.string(),
});

/** Coordinated-entry assessments: questionnaires as versioned data, and answers scored by them. */
export function assessmentRoutes(api: Api, deps: ReferralsDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/assessments/definitions',
    summary: 'The assessment questionnaires, each at its latest version',
    tag: 'assessments',
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(definition) }) },
    handler: async () => ({ items: await latestDefinitions(deps.pool) }),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/assessments/definitions',
    summary: 'A new questionnaire (supervisor or CE manager): questions, answer options, points',
    tag: 'assessments',
    body: definitionBody,
    success: { status: 201, schema: definition },
    handler: async ({ body, req }) => {
      const actor = actorOf(req);
      requireRole(actor, EDITORS, 'define assessments');
      return createDefinition(deps, actor, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/assessments/definitions/:id',
    summary: 'One questionnaire at its latest version',
    tag: 'assessments',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: definition },
    handler: async ({ params }) => {
      const found = await latestDefinition(deps.pool, params.id);
      if (!found) throw notFound('The assessment definition');
      return found;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'put',
    path: '/assessments/definitions/:id',
    summary: 'Edit a questionnaire: its next version; recorded assessments keep theirs',
    tag: 'assessments',
    params: idParams,
    body: definitionBody.extend({
      version: z.number().int().positive().describe('The version you edited'),
    }),
    success: { status: 200, schema: definition },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      requireRole(actor, EDITORS, 'edit assessments');
      return editDefinition(deps, actor, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/assessments',
    summary:
      "Record a participant's assessment (case worker or CE manager): scored from its answers",
    tag: 'assessments',
    body: z.strictObject({
      participantId: uuid(),
      definitionId: uuid(),
      assessmentDate: isoDate(),
      answers: z.array(givenAnswer).min(1).max(100),
    }),
    success: { status: 201, schema: assessment },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      requireRole(actor, ASSESSORS, 'assess participants');
      await participantFor(deps.pool, actor, body.participantId, 'write', deps.clock());
      const saved = await recordAssessment(deps, actor, body);
      res.location(`/api/v1/assessments?participantId=${saved.participantId}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/assessments',
    summary: "A participant's assessments, latest first, when you may see the participant",
    tag: 'assessments',
    query: z.strictObject({ participantId: uuid() }),
    success: { status: 200, schema: z.object({ items: z.array(assessment) }) },
    handler: async ({ query, req }) => {
      await participantFor(deps.pool, actorOf(req), query.participantId, 'read', deps.clock());
      return { items: await assessmentsOf(deps.pool, query.participantId) };
    },
  });
}
