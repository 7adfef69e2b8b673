import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, isoDate, page, pageQuery, uuid, type Api } from '@hearth/http';
import { enrollmentFor, participantFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { ASSESSMENT_RESTRICTIONS } from '../domain/hmis-assessment';
import { STAGES, elementsBody } from '../domain/hmis-elements';
import { assessmentHistory } from '../store/hmis-assessments';
import { currentMembers } from '../store/members';
import { correctHmisAssessment } from '../use-cases/correct-hmis-assessment';
import { listHmisAssessments } from '../use-cases/list-hmis-assessments';
import { recordHmisAssessment } from '../use-cases/record-hmis-assessment';
import { recordProjectStarts } from '../use-cases/record-project-starts';
import { assessmentFor } from './hmis-assessment-gate';

const restriction = z
  .enum(ASSESSMENT_RESTRICTIONS)
  .describe('org: your organization; mou: also organizations the member released their data to');
const elements = z.record(
  z.string(),
  z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
);
const assessment = z.strictObject({
  id: z.string(),
  enrollmentId: z.string(),
  participantId: z.string(),
  orgId: z.string(),
  authorUserId: z.string(),
  stage: z.enum(STAGES),
  informationDate: z.string(),
  restriction: z.enum(ASSESSMENT_RESTRICTIONS),
  elements: elements.describe("Each element set's answers in HUD's codes, computed ones added"),
  totalMonthlyIncomeCents: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const newAssessment = z.strictObject({
  participantId: uuid().describe('A current member of the enrollment'),
  stage: z.enum(STAGES),
  informationDate: isoDate().describe('Within the enrollment: from its entry to its exit'),
  restriction: restriction.default('org'),
  elements: elementsBody,
});
const correction = z
  .strictObject({
    version: z.number().int().min(1),
    informationDate: isoDate().optional(),
    restriction: restriction.optional(),
    elements: elementsBody
      .optional()
      .describe('The element sets given replace theirs; the others stay as answered'),
  })
  .refine((b) => Object.keys(b).length > 1, { message: 'Nothing to change', path: ['version'] });
const projectStarts = z.strictObject({
  informationDate: isoDate().describe('Within the enrollment: from its entry'),
  restriction: restriction.default('org'),
  members: z
    .array(
      z.strictObject({
        participantId: uuid().describe('A current member of the enrollment'),
        elements: elementsBody,
      }),
    )
    .min(1)
    .max(20),
});
const assessmentParams = z.strictObject({ id: uuid(), assessmentId: uuid() });
const history = z.strictObject({
  items: z.array(
    z.strictObject({
      version: z.number().int(),
      informationDate: z.string(),
      restriction: z.enum(ASSESSMENT_RESTRICTIONS),
      elements,
      changedByUserId: z.string(),
      changedAt: z.string(),
    }),
  ),
});

/**
 * HUD's data collection for an enrollment's members (not coordinated entry's scored
 * questionnaires, which are the top-level `/assessments` of referrals).
 */
export function hmisAssessmentRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/assessments',
    summary: "Record a member's HUD assessment at a stage (one project start, one exit each)",
    tag: 'hmis-assessments',
    params: z.strictObject({ id: uuid() }),
    body: newAssessment,
    success: { status: 201, schema: assessment },
    handler: async ({ params, body, req, res }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      const members = await currentMembers(deps.pool, params.id);
      // a non-member is the use case's 422; a member must be one the actor may write about
      if (members.some((m) => m.participantId === body.participantId))
        await participantFor(deps.pool, actor, body.participantId, 'write', now);
      const saved = await recordHmisAssessment(deps, actor, params.id, body);
      res.location(`/api/v1/enrollments/${params.id}/assessments/${saved.id}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/assessments/project-start',
    summary:
      "The household's master assessment: each member's project-start assessment, all or none",
    tag: 'hmis-assessments',
    params: z.strictObject({ id: uuid() }),
    body: projectStarts,
    success: { status: 201, schema: z.strictObject({ items: z.array(assessment) }) },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      const members = new Set(
        (await currentMembers(deps.pool, params.id)).map((m) => m.participantId),
      );
      for (const m of body.members)
        if (members.has(m.participantId))
          await participantFor(deps.pool, actor, m.participantId, 'write', now);
      return { items: await recordProjectStarts(deps, actor, params.id, body) };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments/:id/assessments',
    summary: "An enrollment's HUD assessments, newest first: only those you may read",
    tag: 'hmis-assessments',
    params: z.strictObject({ id: uuid() }),
    query: z.strictObject({
      participantId: uuid().optional(),
      stage: z.enum(STAGES).optional(),
      ...pageQuery,
    }),
    success: { status: 200, schema: page(assessment) },
    handler: async ({ params, query, req }) => {
      const actor = actorOf(req);
      await enrollmentFor(deps.pool, actor, params.id, 'read', deps.clock());
      return listHmisAssessments(deps, actor, params.id, query);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments/:id/assessments/:assessmentId',
    summary: 'One HUD assessment; one you may not read answers 404 like an unknown one',
    tag: 'hmis-assessments',
    params: assessmentParams,
    success: { status: 200, schema: assessment },
    handler: async ({ params, req }) =>
      (await assessmentFor(deps, actorOf(req), params.id, params.assessmentId, 'read')).assessment,
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/enrollments/:id/assessments/:assessmentId',
    summary:
      'Correct an assessment of your organization (versioned); earlier answers stay as history',
    tag: 'hmis-assessments',
    params: assessmentParams,
    body: correction,
    success: { status: 200, schema: assessment },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      await assessmentFor(deps, actor, params.id, params.assessmentId, 'write');
      return correctHmisAssessment(deps, actor, params.id, params.assessmentId, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments/:id/assessments/:assessmentId/history',
    summary: 'The versions an assessment had before its corrections, oldest first',
    tag: 'hmis-assessments',
    params: assessmentParams,
    success: { status: 200, schema: history },
    handler: async ({ params, req }) => {
      await assessmentFor(deps, actorOf(req), params.id, params.assessmentId, 'read');
      return { items: await assessmentHistory(deps.pool, params.assessmentId) };
    },
  });
}
