import { z } from 'zod';
import { roleAllows } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { defineRoute, forbidden, idParams, type Api } from '@hearth/http';
import { participantFor } from '../access';
import type { IntakeDeps } from '../deps';
import { newParticipant, participantChanges, participantView } from '../domain/participant';
import { historyOf } from '../store/history';
import { createParticipant } from '../use-cases/create-participant';
import { updateParticipant } from '../use-cases/update-participant';

export function participantRoutes(api: Api, deps: IntakeDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/participants',
    summary: 'Create a participant after the duplicate check; announces intake.participant.created',
    tag: 'participants',
    body: newParticipant,
    success: { status: 201, schema: participantView },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      if (!roleAllows(actor, 'write')) throw forbidden('Your role cannot create participants.');
      const participant = await createParticipant(deps, actor, body);
      res.location(`/api/v1/participants/${participant.id}`);
      return participant;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/participants/:id',
    summary: 'Read a participant the actor may see (SSN as last 4 or "refused" only)',
    tag: 'participants',
    params: idParams,
    success: { status: 200, schema: participantView },
    handler: ({ params, req }) => participantFor(deps, actorOf(req), params.id, 'read'),
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/participants/:id',
    summary: 'Change a participant; every changed field is kept in its history',
    tag: 'participants',
    params: idParams,
    body: participantChanges,
    success: { status: 200, schema: participantView },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      await participantFor(deps, actor, params.id, 'write');
      return updateParticipant(deps, actor, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/participants/:id/history',
    summary: 'Every change to a participant: who, when, which organization, old → new',
    tag: 'participants',
    params: idParams,
    success: {
      status: 200,
      schema: z.object({
        items: z.array(z.object({ changedAt: z.string(), field: z.string() }).passthrough()),
      }),
    },
    handler: async ({ params, req }) => {
      // a read: the gate, then the participant's history as stored
      await participantFor(deps, actorOf(req), params.id, 'read');
      return { items: await historyOf(deps.pool, params.id) };
    },
  });
}
