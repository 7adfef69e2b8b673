import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { raFigures } from '../domain/rent-assistance-report';
import { flaggedCsv, rentAssistanceCsv } from '../domain/report-csv';
import { reportRentAssistance } from '../use-cases/report-rent-assistance';
import {
  count,
  countedEnrollment,
  listedOf,
  periodOf,
  reportQuery,
  sendCsv,
  wantsCsv,
} from './report-parts';

const retention = z.object({ cohort: count, housed: count, percent: z.number().nullable() });
const raAnswer = z.object({
  organizationId: z.string().uuid(),
  from: z.string(),
  to: z.string(),
  servedWithRrhOrHp: count,
  housedAt6Months: retention,
  housedAt12Months: retention,
  amounts: z.array(
    z.object({
      fundingSource: z.string(),
      month: z.string(),
      amountCents: count,
      paidCents: count,
    }),
  ),
  listed: listedOf(raFigures, countedEnrollment),
});

export function rentAssistanceReportRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/rent-assistance',
    summary:
      "Your hub's rent-assistance report for a period: amounts by funding source and month covered, persons served with RRH/HP, percent housed at 6 and 12 months (received-RA-again episodes left out)",
    tag: 'reports',
    query: reportQuery(raFigures),
    success: { status: 200, schema: raAnswer, alsoAs: ['text/csv'] },
    problems: [403, 422],
    handler: async ({ query, req, res }) => {
      const answer = await reportRentAssistance(deps, actorOf(req), periodOf(query), query.list);
      if (!wantsCsv(req, query.format)) return answer;
      if (answer.listed)
        sendCsv(res, `rent-assistance-${query.list}`, flaggedCsv(answer.listed.items));
      else sendCsv(res, 'rent-assistance', rentAssistanceCsv(answer));
      return undefined;
    },
  });
}
