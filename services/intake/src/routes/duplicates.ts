import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, pageQuery, type Api } from '@hearth/http';
import type { IntakeDeps } from '../deps';
import { dismissDuplicate } from '../use-cases/dismiss-duplicate';
import { listSuspectedDuplicates } from '../use-cases/list-suspected-duplicates';
import { requireSupervisor } from './supervision';

export const reasonText = z.string().trim().min(1).max(500);
// Arrays of two, not z.tuple: a tuple's OpenAPI `items: [...]` is not a schema in OpenAPI 3.1 and
// the fuzzer refused the document. The type stays a pair for the code.
export const participantPair = z
  .array(z.string().uuid())
  .length(2)
  .transform((ids) => ids as [string, string]);

const side = z.object({
  id: z.string().uuid(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  birthDate: z.string(),
  sex: z.string().nullable(),
});

const suspectedPair = z.object({
  participants: z.array(side).length(2),
  score: z.number().int(),
  reasons: z.array(z.string()),
  foundAt: z.string(),
});

export function duplicateRoutes(api: Api, deps: IntakeDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/participants/duplicates',
    summary:
      'Suspected duplicates among existing records (background scan), both records visible to the supervisor; best score first',
    tag: 'participants',
    query: z.strictObject({ limit: pageQuery.limit, cursor: pageQuery.cursor }),
    success: {
      status: 200,
      schema: z.object({ items: z.array(suspectedPair), nextCursor: z.string().nullable() }),
    },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      requireSupervisor(actor);
      return listSuspectedDuplicates(deps, actor, query.limit, query.cursor);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/participants/duplicates/dismissals',
    summary:
      'Not the same person: the suspected pair is never shown again (kept in both histories)',
    tag: 'participants',
    body: z.strictObject({ participantIds: participantPair, reason: reasonText }),
    success: {
      status: 201,
      schema: z.object({
        participantIds: participantPair,
        dismissedAt: z.string(),
        dismissedBy: z.string().uuid(),
        reason: z.string(),
      }),
    },
    problems: [404, 409],
    handler: async ({ body, req }) => {
      const actor = actorOf(req);
      requireSupervisor(actor);
      return dismissDuplicate(deps, actor, body.participantIds, body.reason);
    },
  });
}
