import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { csvLine, defineRoute, isoDate, unprocessable, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { raFigures } from '../domain/rent-assistance-report';
import { flaggedCsv } from '../domain/report-csv';
import { reportRentAssistance } from '../use-cases/report-rent-assistance';
import { sendCsv, wantsCsv } from './reports';

const raQuery = z.strictObject({
  from: isoDate(),
  to: isoDate(),
  /** `csv` (or `Accept: text/csv`): the figures, or the listed records, as CSV. */
  format: z.enum(['json', 'csv']).optional(),
  /** A figure whose records to list (only those the requester may see). */
  list: z.enum(raFigures).optional(),
});

const count = z.number().int().nonnegative();
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
  listed: z
    .object({
      figure: z.enum(raFigures),
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

export function rentAssistanceReportRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/rent-assistance',
    summary:
      "Your hub's rent-assistance report for a period: amounts by funding source and month covered, persons served with RRH/HP, percent housed at 6 and 12 months (received-RA-again episodes left out)",
    tag: 'reports',
    query: raQuery,
    success: { status: 200, schema: raAnswer, alsoAs: ['text/csv'] },
    problems: [403, 422],
    handler: async ({ query, req, res }) => {
      if (query.to < query.from)
        throw unprocessable('The period ends before it starts', [
          { field: 'query.to', message: 'Must be on or after from' },
        ]);
      const period = { from: query.from, to: query.to };
      const answer = await reportRentAssistance(deps, actorOf(req), period, query.list);
      if (!wantsCsv(req, query.format)) return answer;
      if (answer.listed)
        sendCsv(
          res,
          `rent-assistance-${query.list}`,
          flaggedCsv(answer.listed.items.map((i) => ({ ...i, detail: i.detail ?? '' }))),
        );
      else
        sendCsv(
          res,
          'rent-assistance',
          [
            csvLine(['figure', 'breakdown', 'value']),
            csvLine(['served_with_rrh_or_hp', null, answer.servedWithRrhOrHp]),
            csvLine(['housed_6_months_cohort', null, answer.housedAt6Months.cohort]),
            csvLine(['housed_6_months', null, answer.housedAt6Months.housed]),
            csvLine(['housed_6_months_percent', null, answer.housedAt6Months.percent]),
            csvLine(['housed_12_months_cohort', null, answer.housedAt12Months.cohort]),
            csvLine(['housed_12_months', null, answer.housedAt12Months.housed]),
            csvLine(['housed_12_months_percent', null, answer.housedAt12Months.percent]),
            ...answer.amounts.flatMap((a) => [
              csvLine(['amount_cents', `${a.fundingSource} ${a.month}`, a.amountCents]),
              csvLine(['paid_cents', `${a.fundingSource} ${a.month}`, a.paidCents]),
            ]),
          ].join(''),
        );
      return undefined;
    },
  });
}
