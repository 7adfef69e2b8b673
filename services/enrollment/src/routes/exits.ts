import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { exitReasons, housingStatusesAtExit } from '@hearth/events';
import { conflict, defineRoute, idParams, isoDate, unprocessable, type Api } from '@hearth/http';
import { enrollmentFor, requireEnrollingOrganization } from '../access';
import type { EnrollmentDeps } from '../deps';
import { dateOf } from '@hearth/time';
import { exitRemovalProblem, manualExitProblems } from '../domain/program-status';
import { enrollmentView } from '../enrollment-view';
import { exitEnrollment, removeExit } from '../use-cases/change-status';
import { findEnrollment } from '../store/enrollments';
import { enrollmentView as viewSchema } from './schemas';

const manualExit = z.strictObject({
  kind: z.enum(['exit', 'pre_program_exit']),
  exitDate: isoDate(),
  reason: z.enum(exitReasons),
  // The guide: housing status at exit must be recorded before a manual exit.
  housingStatusAtExit: z.enum(housingStatusesAtExit),
});

export function exitRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/exit',
    summary: 'Exit (or pre-program exit) with date, reason and housing status at exit',
    tag: 'enrollments',
    params: idParams,
    body: manualExit,
    success: { status: 200, schema: viewSchema },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      const updated = await withTransaction(deps.pool, async (tx) => {
        const current = (await findEnrollment(tx, params.id, { lock: true }))!;
        if (current.exitDate)
          throw conflict(
            `The enrollment was already exited on ${current.exitDate} (${current.exitKind}); a contract manager can remove that exit within 90 days.`,
            [{ field: 'exitDate', message: 'The enrollment is already exited' }],
          );
        const errors = manualExitProblems(current, body, dateOf(now));
        if (errors.length) throw unprocessable('The exit is not possible.', errors);
        return exitEnrollment(tx, current, body, authorOf(actor));
      });
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/exit-removal',
    summary:
      'Remove an exit within 90 days so a returning participant continues (contract manager)',
    tag: 'enrollments',
    params: idParams,
    success: { status: 200, schema: viewSchema },
    handler: async ({ params, req }) => {
      const actor = requireRole(req, 'contract_manager');
      const now = deps.clock();
      const { enrollment } = await enrollmentFor(deps.pool, actor, params.id, 'read', now);
      requireEnrollingOrganization(deps.pool, actor, enrollment, 'remove_exit');
      const updated = await withTransaction(deps.pool, async (tx) => {
        const current = (await findEnrollment(tx, params.id, { lock: true }))!;
        if (!current.exitDate)
          throw conflict('The enrollment is not exited.', [
            { field: 'exitDate', message: 'No exit to remove' },
          ]);
        const tooLate = exitRemovalProblem(current.exitDate, dateOf(now));
        if (tooLate) throw unprocessable('The exit can no longer be removed.', [tooLate]);
        return removeExit(tx, current, dateOf(now), authorOf(actor));
      });
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });
}
