import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import { defineRoute, idParams, type Api } from '@hearth/http';
import type { EnrollmentDeps } from '../deps';
import { ELEMENT_SET_KEYS, STAGES } from '../domain/hmis-elements';
import { PRESET_NAMES, stageRequirements } from '../domain/hmis-requirements';
import { requirementsOf } from '../store/hmis-requirements';
import { listAnnualAssessmentsDue } from '../use-cases/list-annual-assessments-due';
import {
  configureAssessmentRequirements,
  ownProgram,
} from '../use-cases/configure-assessment-requirements';

const requirements = z.strictObject({
  programId: z.string(),
  preset: z.enum(PRESET_NAMES).nullable(),
  stages: z.partialRecord(z.enum(STAGES), z.array(z.enum(ELEMENT_SET_KEYS))),
  version: z.number().int().describe('0 until first configured'),
  updatedByUserId: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
const change = z
  .strictObject({
    version: z.number().int().min(0).describe('The version you read (0: never configured)'),
    preset: z.enum(PRESET_NAMES).optional().describe("HUD's defaults for a funding source"),
    stages: stageRequirements.optional().describe('Your own list per stage'),
  })
  .refine((b) => (b.preset === undefined) !== (b.stages === undefined), {
    message: 'Give either a preset or stages',
    path: ['preset'],
  });

const annualDue = z.strictObject({
  items: z.array(
    z.strictObject({
      enrollmentId: z.string(),
      headParticipantId: z.string(),
      participantIds: z.array(z.string()).describe('Members you may see who lack it'),
      anniversaryDate: z.string(),
      dueFrom: z.string(),
      dueBy: z.string(),
    }),
  ),
});

/** Which HUD element sets a program requires at each data collection stage. */
export function hmisRequirementRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/programs/:id/assessment-requirements',
    summary: 'The HUD element sets the program requires at each stage (none configured: none)',
    tag: 'programs',
    params: idParams,
    success: { status: 200, schema: requirements },
    handler: async ({ params, req }) => {
      await ownProgram(deps.pool, actorOf(req), params.id);
      return requirementsOf(deps.pool, params.id);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'put',
    path: '/programs/:id/assessment-requirements',
    summary:
      "Set the required element sets per stage, or a funding source's HUD preset (supervisor)",
    tag: 'programs',
    params: idParams,
    body: change,
    success: { status: 200, schema: requirements },
    handler: async ({ params, body, req }) => {
      const actor = requireRole(req, 'supervisor', 'admin');
      await ownProgram(deps.pool, actor, params.id);
      return configureAssessmentRequirements(deps, actor, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/programs/:id/annual-assessments-due',
    summary:
      "Open enrollments within 30 days of an anniversary of the head's entry, with the members lacking their annual assessment",
    tag: 'programs',
    params: idParams,
    success: { status: 200, schema: annualDue },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      await ownProgram(deps.pool, actor, params.id);
      return listAnnualAssessmentsDue(deps, actor, params.id);
    },
  });
}
