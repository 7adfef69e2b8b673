import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, type Api } from '@hearth/http';
import type { IntakeDeps } from '../deps';
import { participantView } from '../domain/participant';
import { linkPerson } from '../use-cases/link-person';
import { showPerson } from '../use-cases/show-person';
import { unlinkPerson } from '../use-cases/unlink-person';
import { participantPair, reasonText } from './duplicates';
import { requireSupervisor } from './supervision';

const personLink = z.object({
  linkId: z.string().uuid(),
  personId: z.string().uuid(),
  survivingParticipantId: z.string().uuid(),
  participantIds: participantPair,
  reason: z.string(),
  linkedBy: z.string().uuid(),
  linkedOrgId: z.string().uuid(),
  linkedAt: z.string(),
  unlinkedBy: z.string().uuid().nullable(),
  unlinkedAt: z.string().nullable(),
  unlinkReason: z.string().nullable(),
});

export function linkRoutes(api: Api, deps: IntakeDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/participants/links',
    summary:
      'Link two records as one person without changing either; announces intake.person.linked',
    tag: 'participants',
    body: z.strictObject({
      participantIds: participantPair,
      survivingParticipantId: z.string().uuid(),
      reason: reasonText,
    }),
    success: { status: 201, schema: personLink },
    problems: [404, 409, 422],
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      requireSupervisor(actor);
      const link = await linkPerson(deps, actor, body);
      res.location(`/api/v1/participants/links/${link.linkId}`);
      return link;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/participants/links/:id/undo',
    summary: 'Undo a link: two persons again, as they were; announces intake.person.unlinked',
    tag: 'participants',
    params: idParams,
    body: z.strictObject({ reason: reasonText }),
    success: { status: 200, schema: personLink },
    problems: [404, 409],
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      requireSupervisor(actor);
      return unlinkPerson(deps, actor, params.id, body.reason);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/participants/:id/person',
    summary:
      'The person a record belongs to (every record its links reach): the surviving identity and every id, when the actor may see them all',
    tag: 'participants',
    params: idParams,
    success: {
      status: 200,
      schema: z.object({
        personId: z.string().uuid(),
        participantIds: z.array(z.string().uuid()),
        link: personLink
          .nullable()
          .describe("The newest link, whose surviving record is the person's identity"),
        links: z.array(personLink).describe('Every active link of the person, oldest first'),
        identity: participantView,
      }),
    },
    handler: ({ params, req }) => showPerson(deps, actorOf(req), params.id),
  });
}
