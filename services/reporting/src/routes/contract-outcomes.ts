import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { contractFigures } from '../domain/contract-outcomes';
import { flaggedCsv, measuresCsv } from '../domain/report-csv';
import { reportContractOutcomes } from '../use-cases/report-contract-outcomes';
import {
  count,
  countedEnrollment,
  listedOf,
  periodOf,
  reportQuery,
  sendCsv,
  wantsCsv,
} from './report-parts';

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
  // a measure's enrollments, or `cohort` (those counted), or `excluded`
  listed: listedOf(contractFigures, countedEnrollment),
});

export function contractOutcomeRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/programs/:id/contract-outcomes',
    summary:
      "A workforce program's contract outcome measures over the enrollments exited in a period (each person once, pre-program and performance-removing exits left out)",
    tag: 'reports',
    params: idParams,
    query: reportQuery(contractFigures),
    success: { status: 200, schema: contractAnswer, alsoAs: ['text/csv'] },
    problems: [403, 404, 422],
    handler: async ({ params, query, req, res }) => {
      const period = periodOf(query);
      const actor = actorOf(req);
      const answer = await reportContractOutcomes(deps, actor, params.id, period, query.list);
      if (!wantsCsv(req, query.format)) return answer;
      if (answer.listed) sendCsv(res, `contract-${query.list}`, flaggedCsv(answer.listed.items));
      else sendCsv(res, 'contract-outcomes', measuresCsv(answer.measures));
      return undefined;
    },
  });
}
