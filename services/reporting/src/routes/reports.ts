import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { programFigures } from '../domain/program-report';
import { figuresCsv, listedCsv } from '../domain/report-csv';
import { reportProgram } from '../use-cases/report-program';
import { count, listedOf, periodOf, reportQuery, sendCsv, wantsCsv } from './report-parts';

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
  listed: listedOf(programFigures, listedRecord),
});

export function reportRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/reports/programs/:id',
    summary:
      "A program's report over a period for your organization: served, new, active, exits by destination and housing status, services by type, days to participation (each person once); `list` names a figure's records",
    tag: 'reports',
    params: idParams,
    query: reportQuery(programFigures),
    success: { status: 200, schema: programReportAnswer, alsoAs: ['text/csv'] },
    problems: [403, 404, 422],
    handler: async ({ params, query, req, res }) => {
      const answer = await reportProgram(
        deps,
        actorOf(req),
        params.id,
        periodOf(query),
        query.list,
      );
      if (!wantsCsv(req, query.format)) return answer;
      if (answer.listed) sendCsv(res, `program-${query.list}`, listedCsv(answer.listed.items));
      else sendCsv(res, 'program-report', figuresCsv(answer.figures));
      return undefined;
    },
  });
}
