import { randomUUID } from 'node:crypto';
import { roleAllows } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { recordEvent } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { ParticipantCreated, createEvent } from '@hearth/events';
import { badRequest, defineRoute, forbidden, idParams, type Api } from '@hearth/http';
import { currentRequestId } from '@hearth/logging';
import type { ServiceContext } from '@hearth/runtime';
import { birthDateProblem, newParticipant, participantView } from '../domain/participant';
import { participantFor } from '../access';
import { insertParticipant } from '../store/participants';

export function participantRoutes(api: Api, ctx: ServiceContext) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/participants',
    summary: 'Create a participant (intake) and announce it',
    tag: 'participants',
    body: newParticipant,
    success: { status: 201, schema: participantView },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      if (!roleAllows(actor, 'write')) throw forbidden('Your role cannot create participants.');
      const birthProblem = birthDateProblem(body.birthDate, new Date());
      if (birthProblem)
        throw badRequest(birthProblem, [{ field: 'birthDate', message: birthProblem }]);
      // The participant and its event commit together: neither exists without the other.
      const participant = await withTransaction(ctx.pool, async (tx) => {
        const created = await insertParticipant(tx, {
          ...body,
          id: randomUUID(),
          ownerOrgId: actor.orgId,
          createdBy: actor.userId,
        });
        await recordEvent(
          tx,
          createEvent(ParticipantCreated, {
            orgId: actor.orgId,
            actor: { userId: actor.userId, name: actor.name },
            requestId: currentRequestId(),
            data: {
              participantId: created.id,
              ownerOrgId: created.ownerOrgId,
              firstName: created.firstName,
              middleName: created.middleName,
              lastName: created.lastName,
              birthDate: created.birthDate,
              sex: created.sex,
              securityRestriction: created.securityRestriction,
            },
          }),
        );
        return created;
      });
      res.location(`/api/v1/participants/${participant.id}`);
      return participant;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/participants/:id',
    summary: 'Read a participant the actor may see',
    tag: 'participants',
    params: idParams,
    success: { status: 200, schema: participantView },
    handler: ({ params, req }) => participantFor(ctx.pool, actorOf(req), params.id, 'read'),
  });
}
