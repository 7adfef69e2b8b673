import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, type Api } from '@hearth/http';
import { enrollmentFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { outcomeHolderFor, readableOutcomes } from '../outcome-access';
import { credentialsOf } from '../store/credentials';
import { recordCredential } from '../use-cases/record-credential';
import { credentialView, newCredential } from './workforce-schemas';

/** DOL credentials of an enrollment's participants, with the training that led to them. */
export function credentialRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/credentials',
    summary: 'Record a credential (DOL type, status, documentation, related training service)',
    tag: 'outcomes',
    params: idParams,
    body: newCredential,
    success: { status: 201, schema: credentialView },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const { enrollment } = await outcomeHolderFor(
        deps.pool,
        actor,
        params.id,
        body.participantId,
        'write',
        deps.clock(),
      );
      return recordCredential(deps, actor, enrollment, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments/:id/credentials',
    summary: "The enrollment's credentials you may read, by date",
    tag: 'outcomes',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(credentialView) }) },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await enrollmentFor(deps.pool, actor, params.id, 'read', now);
      const all = await credentialsOf(deps.pool, params.id);
      return { items: await readableOutcomes(deps.pool, actor, all, now) };
    },
  });
}
