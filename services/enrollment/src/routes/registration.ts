import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { conflict, defineRoute, idParams, isoDate, unprocessable, type Api } from '@hearth/http';
import { enrollmentFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { dateOf } from '@hearth/time';
import { registrationDateProblems } from '../domain/enrollment';
import { enrollmentView, resultsSeenBy } from '../enrollment-view';
import { changeStatus } from '../use-cases/change-status';
import { findEnrollment } from '../store/enrollments';
import { findProgram } from '../store/programs';
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
      const updated = await withTransaction(deps.pool, async (tx) => {
        const current = (await findEnrollment(tx, params.id, { lock: true }))!;
        if (current.exitDate)
          throw conflict(`The enrollment was exited on ${current.exitDate}.`, [
            { field: 'exitDate', message: 'The enrollment is exited' },
          ]);
        if (current.registrationDate)
          throw conflict(`Registration was completed on ${current.registrationDate}.`, [
            { field: 'registrationDate', message: 'Already registered' },
          ]);
        const registrationDate = body.registrationDate ?? dateOf(now);
        const dateErrors = registrationDateProblems(
          registrationDate,
          current.applicationDate,
          dateOf(now),
        );
        if (dateErrors.length)
          throw unprocessable('The registration date is not possible.', dateErrors);
        const program = (await findProgram(tx, current.programId))!;
        const { results } = await resultsSeenBy(tx, actor, program, current, now);
        if (!results.readyToRegister)
          throw unprocessable(
            'Registration cannot be completed yet: see missing information and ineligible reasons.',
            [
              ...results.missingInformation.map((m) => ({
                field: `registration.${m.field}`,
                message: m.message,
              })),
              ...results.ineligibleReasons.map((r) => ({
                field: 'eligibility',
                message: r.message,
              })),
            ],
          );
        return changeStatus(
          tx,
          current,
          { status: 'registration', statusDate: registrationDate },
          { registrationDate, registeredByUserId: actor.userId, registeredByName: actor.name },
          authorOf(actor),
        );
      });
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });
}
