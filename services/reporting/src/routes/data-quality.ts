import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, isoDate, unprocessable, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { qualityFigures } from '../domain/data-quality';
import { flaggedCsv, qualityCsv } from '../domain/report-csv';
import { reportDataQuality } from '../use-cases/report-data-quality';
import { sendCsv, wantsCsv } from './reports';

const dataQualityQuery = z.strictObject({
  from: isoDate(),
  to: isoDate(),
  /** `csv` (or `Accept: text/csv`): the report, or the flagged records, as CSV. */
  format: z.enum(['json', 'csv']).optional(),
  /** A figure whose flagged records to list (only those the requester may see). */
  list: z.enum(qualityFigures).optional(),
});

const count = z.number().int().nonnegative();
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
    reason: z.string(),
    linkedRecords: count,
  }),
  listed: z
    .object({
      figure: z.enum(qualityFigures),
      items: z.array(
        z.object({
          participantId: z.string().uuid(),
          enrollmentId: z.string().uuid().nullable(),
          detail: z.string(),
        }),
      ),
      withheld: count,
    })
    .optional(),
});

export function dataQualityRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/programs/:id/data-quality',
    summary:
      "A program's data quality over a period (HUD's framework): per required element the records missing, doesn't know (8), prefers not (9), not collected (99); enrollments without a service for 90 days; clients never exited",
    tag: 'reports',
    params: idParams,
    query: dataQualityQuery,
    success: { status: 200, schema: dataQualityAnswer, alsoAs: ['text/csv'] },
    problems: [403, 404, 422],
    handler: async ({ params, query, req, res }) => {
      if (query.to < query.from)
        throw unprocessable('The period ends before it starts', [
          { field: 'query.to', message: 'Must be on or after from' },
        ]);
      const period = { from: query.from, to: query.to };
      const answer = await reportDataQuality(deps, actorOf(req), params.id, period, query.list);
      if (!wantsCsv(req, query.format)) return answer;
      if (answer.listed)
        sendCsv(res, `data-quality-${query.list}`, flaggedCsv(answer.listed.items));
      else sendCsv(res, 'data-quality', qualityCsv(answer));
      return undefined;
    },
  });
}
