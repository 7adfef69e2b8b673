import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { csvLine, defineRoute, idParams, isoDate, unprocessable, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { contractFigures, measureNames } from '../domain/contract-outcomes';
import { flaggedCsv } from '../domain/report-csv';
import { reportContractOutcomes } from '../use-cases/report-contract-outcomes';
import { sendCsv, wantsCsv } from './reports';

const contractQuery = z.strictObject({
  from: isoDate(),
  to: isoDate(),
  /** `csv` (or `Accept: text/csv`): the measures, or the listed enrollments, as CSV. */
  format: z.enum(['json', 'csv']).optional(),
  /** A measure (or `cohort`, `excluded`) whose enrollments to list. */
  list: z.enum(contractFigures).optional(),
});

const count = z.number().int().nonnegative();
const measure = z.object({ persons: count, of: count, percent: z.number().nullable() });
const contractAnswer = z.object({
  programId: z.string().uuid(),
  organizationId: z.string().uuid(),
  from: z.string(),
  to: z.string(),
  persons: count,
  excluded: z.object({ preProgramExit: count, removedFromPerformance: count }),
  measures: z.object({
    unsubsidizedEmployment: measure,
    careerTrackEmployment: measure,
    retentionInEmployment: measure,
    permanentHousingAtExit: measure,
    credentialAttainment: measure,
  }),
  listed: z
    .object({
      figure: z.enum(contractFigures),
      items: z.array(
        z.object({
          participantId: z.string().uuid(),
          enrollmentId: z.string().uuid(),
          detail: z.string().nullable(),
        }),
      ),
      withheld: count,
    })
    .optional(),
});

export function contractOutcomeRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/programs/:id/contract-outcomes',
    summary:
      "A workforce program's contract outcome measures over the enrollments exited in a period (each person once, pre-program and performance-removing exits left out)",
    tag: 'reports',
    params: idParams,
    query: contractQuery,
    success: { status: 200, schema: contractAnswer, alsoAs: ['text/csv'] },
    problems: [403, 404, 422],
    handler: async ({ params, query, req, res }) => {
      if (query.to < query.from)
        throw unprocessable('The period ends before it starts', [
          { field: 'query.to', message: 'Must be on or after from' },
        ]);
      const period = { from: query.from, to: query.to };
      const answer = await reportContractOutcomes(
        deps,
        actorOf(req),
        params.id,
        period,
        query.list,
      );
      if (!wantsCsv(req, query.format)) return answer;
      if (answer.listed)
        sendCsv(
          res,
          `contract-${query.list}`,
          flaggedCsv(answer.listed.items.map((i) => ({ ...i, detail: i.detail ?? '' }))),
        );
      else
        sendCsv(
          res,
          'contract-outcomes',
          [
            csvLine(['measure', 'persons', 'of', 'percent']),
            ...measureNames.map((name) => {
              const m = answer.measures[name];
              return csvLine([name, m.persons, m.of, m.percent]);
            }),
          ].join(''),
        );
      return undefined;
    },
  });
}
