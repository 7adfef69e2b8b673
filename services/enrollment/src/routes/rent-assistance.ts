import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, uuid, type Api } from '@hearth/http';
import { providerRecordFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { registrationAnswers } from '../domain/registration-answers';
import { changeHubFields } from '../use-cases/assign-rent-assistance-staff';
import { prefillRegistration } from '../use-cases/prefill-registration';
import { enrollmentView } from '../use-cases/show-enrollment';
import { enrollmentView as viewSchema } from './schemas';

const hubChanges = z.strictObject({
  version: z.number().int().positive().describe('The version you read; a stale one is refused'),
  customerOfUserId: uuid().optional().describe('"Customer of": the hub staff member assigned'),
  servicePointId: z.string().trim().min(1).max(40).nullable().optional(),
});

const prefill = z.strictObject({
  participantId: z.string(),
  fromEnrollmentId: z.string().nullable(),
  fromApplicationDate: z.string().nullable(),
  registration: registrationAnswers,
});

/** A Rent Assistance record's hub side, and the registration prefill of a new enrollment. */
export function rentAssistanceRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/enrollments/:id/service-provider',
    summary:
      'The hub of a Rent Assistance record assigns its staff ("customer of") and the Service Point ID',
    tag: 'enrollments',
    params: idParams,
    body: hubChanges,
    success: { status: 200, schema: viewSchema },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await providerRecordFor(deps.pool, actor, params.id, now);
      const updated = await changeHubFields(deps, actor, params.id, body);
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/programs/:id/registration-prefill',
    summary:
      "Registration answers prefilled from the participant's most recent active enrollment, to review",
    tag: 'programs',
    params: idParams,
    query: z.strictObject({ participantId: uuid() }),
    success: { status: 200, schema: prefill },
    handler: async ({ params, query, req }) =>
      prefillRegistration(deps, actorOf(req), params.id, query.participantId),
  });
}
