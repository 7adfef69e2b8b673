import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, isoDate, badRequest, pageQuery, type Api } from '@hearth/http';
import { sexValues } from '@hearth/events';
import type { IntakeDeps } from '../deps';
import { LIKELY_DUPLICATE } from '../domain/matching';
import { participantView } from '../domain/participant';
import { findDuplicates } from '../use-cases/find-duplicates';
import { searchParticipants } from '../use-cases/search-participants';

const name = z.string().trim().min(1).max(100);

export const matchRequest = z.strictObject({
  firstName: name,
  middleName: name.nullable().optional(),
  lastName: name,
  birthDate: isoDate().optional(),
  sex: z.enum(sexValues).optional(),
  ssnLast4: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  alienNumber: z.string().max(20).optional(),
});

const candidate = z.object({
  participant: z
    .object({
      id: z.string().uuid(),
      firstName: z.string(),
      lastName: z.string(),
      birthDate: z.string().nullable(),
    })
    .passthrough(),
  score: z.number().int(),
  reasons: z.array(z.string()),
});

export const searchQuery = z.strictObject({
  lastName: name.optional(),
  firstName: name.optional(),
  birthDate: isoDate().optional(),
  sex: z.enum(sexValues).optional(),
  alienNumber: z.string().max(20).optional(),
  ssnLast4: z
    .string()
    .regex(/^\d{4}$/, 'Four digits')
    .optional(),
  intakeId: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: pageQuery.cursor,
});

export function searchRoutes(api: Api, deps: IntakeDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/participants/matches',
    summary: 'Duplicate check before intake: ranked possible matches with score and reasons',
    tag: 'participants',
    body: matchRequest,
    success: {
      status: 200,
      schema: z.object({ items: z.array(candidate), likelyDuplicateScore: z.number() }),
    },
    handler: async ({ body, req }) => ({
      items: await findDuplicates(deps, actorOf(req), body),
      likelyDuplicateScore: LIKELY_DUPLICATE,
    }),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/participants',
    summary:
      'Find participants by name (prefix), birth date, sex, alien number, SSN last 4 or intake id',
    tag: 'participants',
    query: searchQuery,
    success: {
      status: 200,
      schema: z.object({ items: z.array(participantView), nextCursor: z.string().nullable() }),
    },
    handler: async ({ query, req }) => {
      const { limit, cursor, ...criteria } = query;
      if (!Object.values(criteria).some((v) => v !== undefined)) {
        throw badRequest('Give at least one search criterion.', [
          {
            field: 'query',
            message: 'lastName, firstName, birthDate, sex, alienNumber, ssnLast4 or intakeId',
          },
        ]);
      }
      return searchParticipants(deps, actorOf(req), criteria, limit, cursor);
    },
  });
}
