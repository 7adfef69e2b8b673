import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import { exitReasons, housingStatusesAtExit } from '@hearth/events';
import { defineRoute, idParams, isoDate, type Api } from '@hearth/http';
import { enrollmentFor, exitWriterFor, requireEnrollingOrganization } from '../access';
import type { EnrollmentDeps } from '../deps';
import { recordExit } from '../use-cases/record-exit';
import { removeExit } from '../use-cases/remove-exit';
import { enrollmentView } from '../use-cases/show-enrollment';
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
      await exitWriterFor(deps.pool, actor, params.id, body.kind, now);
      const updated = await recordExit(deps, actor, params.id, body);
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
      const updated = await removeExit(deps, actor, params.id);
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });
}
