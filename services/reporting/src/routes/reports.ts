import type { Request, Response } from 'express';
import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, isoDate, unprocessable, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { programFigures } from '../domain/program-report';
import { figuresCsv, listedCsv } from '../domain/report-csv';
import { reportProgram } from '../use-cases/report-program';

const programReportQuery = z.strictObject({
  from: isoDate(),
  to: isoDate(),
  /** `csv` (or `Accept: text/csv`): the figures, or the listed records, as CSV. */
  format: z.enum(['json', 'csv']).optional(),
  /** A figure whose counted records to list (only those the requester may see). */
  list: z.enum(programFigures).optional(),
});

const count = z.number().int().nonnegative();
const listedRecord = z.object({
  personId: z.string().uuid(),
  participantId: z.string().uuid(),
  enrollmentId: z.string().uuid(),
  serviceId: z.string().uuid().nullable(),
  detail: z.string().nullable(),
});
const programReportAnswer = z.object({
  programId: z.string().uuid(),
  organizationId: z.string().uuid(),
  from: z.string(),
  to: z.string(),
  figures: z.object({
    served: count,
    new: count,
    active: count,
    exitedByDestination: z.array(z.object({ destination: z.number().int(), persons: count })),
    exitedByHousingStatus: z.array(z.object({ housingStatus: z.string(), persons: count })),
    servicesByType: z.array(
      z.object({ serviceTypeId: z.string(), services: count, persons: count }),
    ),
    daysToParticipation: z.object({ persons: count, averageDays: z.number().nullable() }),
  }),
  listed: z
    .object({ figure: z.enum(programFigures), items: z.array(listedRecord), withheld: count })
    .optional(),
});

/** CSV when asked by `format=csv`, or by an Accept preferring text/csv to JSON. */
export function wantsCsv(req: Request, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

export function sendCsv(res: Response, name: string, body: string) {
  res.status(200).type('text/csv; charset=utf-8');
  res.set('content-disposition', `attachment; filename="${name}.csv"`);
  res.set('cache-control', 'no-store'); // counts and ids of clients: never in a shared cache
  res.send(body);
}

export function reportRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/programs/:id',
    summary:
      "A program's report over a period for your organization: served, new, active, exits by destination and housing status, services by type, days to participation (each person once); `list` names a figure's records",
    tag: 'reports',
    params: idParams,
    query: programReportQuery,
    success: { status: 200, schema: programReportAnswer, alsoAs: ['text/csv'] },
    problems: [403, 404, 422],
    handler: async ({ params, query, req, res }) => {
      if (query.to < query.from)
        throw unprocessable('The period ends before it starts', [
          { field: 'query.to', message: 'Must be on or after from' },
        ]);
      const answer = await reportProgram(
        deps,
        actorOf(req),
        params.id,
        { from: query.from, to: query.to },
        query.list,
      );
      if (!wantsCsv(req, query.format)) return answer;
      if (answer.listed) sendCsv(res, `program-${query.list}`, listedCsv(answer.listed.items));
      else sendCsv(res, 'program-report', figuresCsv(answer.figures));
      return undefined;
    },
  });
}
