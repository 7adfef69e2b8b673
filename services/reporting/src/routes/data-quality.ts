import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { qualityFigures } from '../domain/data-quality';
import { flaggedCsv, qualityCsv } from '../domain/report-csv';
import { reportDataQuality } from '../use-cases/report-data-quality';
import { count, listedOf, periodOf, reportQuery, sendCsv, wantsCsv } from './report-parts';

const flaggedRecord = z.object({
  participantId: z.string().uuid(),
  enrollmentId: z.string().uuid().nullable(),
  detail: z.string(),
});
const dataQualityAnswer = z.object({
  programId: z.string().uuid(),
  organizationId: z.string().uuid(),
  from: z.string(),
  to: z.string(),
  elements: z.array(
    z.object({
      element: z.string(),
      records: count,
      missing: count,
      doesntKnow: count,
      prefersNot: count,
      notCollected: count,
      errorPercent: z.number().nullable(),
    }),
  ),
  notAnnounced: z.array(z.object({ element: z.string(), reason: z.string() })),
  enrollmentsWithoutService90Days: count,
  clientsNeverExited: count,
  suspectedDuplicates: z.object({
    available: z.boolean(),
    /** records enrolled in the period in an open pair of intake's matching */
    records: count,
    linkedRecords: count,
  }),
  listed: listedOf(qualityFigures, flaggedRecord),
});

export function dataQualityRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/programs/:id/data-quality',
    summary:
      "A program's data quality over a period (HUD's framework): per required element the records missing, doesn't know (8), prefers not (9), not collected (99); enrollments without a service for 90 days; clients never exited; records in an open suspected duplicate pair of intake's matching",
    tag: 'reports',
    params: idParams,
    query: reportQuery(qualityFigures),
    success: { status: 200, schema: dataQualityAnswer, alsoAs: ['text/csv'] },
    problems: [403, 404, 422],
    handler: async ({ params, query, req, res }) => {
      const period = periodOf(query);
      const answer = await reportDataQuality(deps, actorOf(req), params.id, period, query.list);
      if (!wantsCsv(req, query.format)) return answer;
      if (answer.listed)
        sendCsv(res, `data-quality-${query.list}`, flaggedCsv(answer.listed.items));
      else sendCsv(res, 'data-quality', qualityCsv(answer));
      return undefined;
    },
  });
}
