import { z } from 'zod';
import { requireRole } from '@hearth/auth';
import { defineRoute, idParams, isoDate, notFound, unprocessable, type Api } from '@hearth/http';
import type { EnrollmentDeps } from '../deps';
import { MEASURE_NAMES, outcomeMeasures } from '../domain/outcome-measures';
import { exitedEnrollments } from '../store/outcome-cohort';
import { findProgram } from '../store/programs';

const figure = z.strictObject({
  count: z.number().int(),
  of: z.number().int(),
  percent: z.number().nullable(),
  enrollmentIds: z.array(z.string()).describe('The enrollments counted, to check each'),
});
export const measuresView = z.strictObject({
  programId: z.string(),
  from: z.string(),
  to: z.string(),
  counted: z.array(z.string()).describe('Enrollments exited in the period that count'),
  excluded: z.array(
    z.strictObject({
      enrollmentId: z.string(),
      reason: z.enum(['pre_program_exit', 'removed_from_performance']),
    }),
  ),
  measures: z.strictObject(
    Object.fromEntries(MEASURE_NAMES.map((n) => [n, figure])) as Record<
      (typeof MEASURE_NAMES)[number],
      typeof figure
    >,
  ),
});

/** The contract's outcome measures of a program, for its own organization's managers. */
export function outcomeMeasureRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/programs/:id/outcome-measures',
    summary: "Contract outcome measures over the program's enrollments exited in a period",
    tag: 'outcomes',
    params: idParams,
    query: z.strictObject({
      from: isoDate().describe('First exit date counted'),
      to: isoDate().describe('Last exit date counted'),
    }),
    success: { status: 200, schema: measuresView },
    problems: [422],
    handler: async ({ params, query, req }) => {
      const actor = requireRole(req, 'contract_manager', 'supervisor');
      const program = await findProgram(deps.pool, params.id);
      if (!program || program.orgId !== actor.orgId) throw notFound('The program');
      if (query.to < query.from)
        throw unprocessable('The period ends before it starts.', [
          { field: 'query.to', message: `Must not be before from (${query.from})` },
        ]);
      const exited = await exitedEnrollments(deps.pool, program.id, query.from, query.to);
      return { programId: program.id, ...query, ...outcomeMeasures(exited) };
    },
  });
}
