import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, isoDate, type Api } from '@hearth/http';
import { enrollmentFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { completeRegistration } from '../use-cases/complete-registration';
import { enrollmentView } from '../use-cases/show-enrollment';
import { enrollmentView as viewSchema } from './schemas';

export function registrationRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments/:id/registration-results',
    summary:
      'Missing information and ineligible reasons; registration completes when both are empty',
    tag: 'enrollments',
    params: idParams,
    success: {
      status: 200,
      schema: z.object({ readyToRegister: z.boolean() }).passthrough(),
    },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const { enrollment } = await enrollmentFor(deps.pool, actor, params.id, 'read', deps.clock());
      const view = await enrollmentView(deps.pool, actor, enrollment, deps.clock());
      return {
        ...view.registrationResults,
        registrationDate: enrollment.registrationDate,
        registeredBy: enrollment.registeredBy,
      };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/registration',
    summary:
      'Complete registration (Registered By you); refused while anything is missing or ineligible',
    tag: 'enrollments',
    params: idParams,
    body: z.strictObject({
      registrationDate: isoDate().optional().describe('Today by default'),
    }),
    success: { status: 200, schema: viewSchema },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      const updated = await completeRegistration(deps, actor, params.id, body);
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });
}
