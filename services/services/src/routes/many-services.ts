import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idempotencyHeaders, uuid, type Api, type Answer } from '@hearth/http';
import type { Response } from 'express';
import type { ServicesDeps } from '../deps';
import { MAX_PARTICIPANTS_PER_REQUEST, manyServicesModes } from '../domain/many-services';
import {
  recordFamilyServices,
  recordQuickServices,
  type ManyServicesAnswer,
} from '../use-cases/record-services';
import { newService } from './services';

// ids as the read models keep them (lower case), so a row in capitals finds its participant
const id = () => uuid().transform((s) => s.toLowerCase());
const oneService = newService.omit({ participantId: true, enrollmentId: true }).extend({
  mode: z
    .enum(manyServicesModes)
    .describe(
      'all_or_nothing: any refused row and nothing is written (422); valid_rows: the valid rows are written, the others listed in `refused`',
    ),
});
const quickServices = oneService.extend({
  rows: z
    .array(
      z.strictObject({
        participantId: id(),
        enrollmentId: id().describe(
          "The participant's enrollment, in the type's program, active on the date",
        ),
      }),
    )
    .min(1)
    .max(MAX_PARTICIPANTS_PER_REQUEST)
    .describe('One participant per row, at most 1,000'),
});
const familyService = oneService.extend({
  enrollmentId: id().describe(
    "Every member of it in its head's current household gets the service",
  ),
});
const row = { row: z.number().int(), participantId: z.string() };
const manyAnswer = z.object({
  recorded: z.array(z.object({ ...row, id: z.string(), enrollmentId: z.string() })),
  refused: z
    .array(z.object({ ...row, field: z.string(), message: z.string() }))
    .describe('valid_rows only: the rows not recorded, by index, each with why'),
});

const answer = (res: Response, a: Answer<ManyServicesAnswer>) => {
  if (a.replayed) res.setHeader('idempotency-replayed', 'true');
  return a.body;
};

export function manyServicesRoutes(api: Api, deps: ServicesDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/services/quick',
    summary: 'Record one service for many participants (up to 1,000), each on their enrollment',
    tag: 'services',
    body: quickServices,
    headers: idempotencyHeaders,
    success: {
      status: 201,
      schema: manyAnswer,
      description: 'The rows recorded (and, in valid_rows, those refused)',
    },
    handler: async ({ body, headers, req, res }) =>
      answer(res, await recordQuickServices(deps, actorOf(req), body, headers['idempotency-key'])),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/services/family',
    summary: "Record one service for the enrollment's members in its head's household",
    tag: 'services',
    body: familyService,
    headers: idempotencyHeaders,
    success: {
      status: 201,
      schema: manyAnswer,
      description: 'The members recorded (and, in valid_rows, those refused)',
    },
    handler: async ({ body, headers, req, res }) =>
      answer(res, await recordFamilyServices(deps, actorOf(req), body, headers['idempotency-key'])),
  });
}
