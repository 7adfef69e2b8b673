import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { roleAllows } from '@hearth/access';
import { actorOf, type Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { ParticipantCreated, ParticipantUpdated, createEvent } from '@hearth/events';
import {
  Problem,
  badRequest,
  defineRoute,
  forbidden,
  idParams,
  requireCurrentVersion,
  type Api,
} from '@hearth/http';
import type { ServiceContext } from '@hearth/runtime';
import { participantFor } from '../access';
import type { IntakeEnv } from '../config';
import { announceSharing } from '../events/sharing';
import { LIKELY_DUPLICATE } from '../domain/matching';
import {
  birthDateProblem,
  newParticipant,
  participantChanges,
  participantView,
  type ParticipantView,
} from '../domain/participant';
import { applyChanges, factsOf, newRecord } from '../domain/record';
import { rankCandidates } from '../matching';
import type { SsnCipher } from '../ssn-cipher';
import { historyOf, recordHistory } from '../store/history';
import { insertParticipant, lockParticipant, updateParticipant } from '../store/participants';

function checkBirthDate(birthDate: string | undefined) {
  const problem = birthDate && birthDateProblem(birthDate, new Date());
  if (problem) throw badRequest(problem, [{ field: 'birthDate', message: problem }]);
}

export async function announce(
  tx: Queryable,
  actor: Actor,
  definition: typeof ParticipantCreated,
  view: ParticipantView,
) {
  await recordEvent(
    tx,
    createEvent(definition, {
      orgId: actor.orgId,
      ...authorOf(actor),
      data: factsOf(view),
    }),
  );
}

export function participantRoutes(api: Api, ctx: ServiceContext<IntakeEnv>, cipher: SsnCipher) {
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
      checkBirthDate(body.birthDate);
      const record = newRecord(body, { id: randomUUID(), ownerOrgId: actor.orgId }, cipher);
      if (!body.confirmNew) {
        const likely = (
          await rankCandidates(
            ctx.pool,
            actor,
            { ...body, ssnLast4: record.ssnLast4, alienNumber: record.alienNumber },
            5,
          )
        ).filter((c) => c.score >= LIKELY_DUPLICATE);
        if (likely.length) {
          throw new Problem(
            409,
            'Conflict',
            'This person may already be a participant: pick the existing record, or send confirmNew: true.',
            [{ field: 'confirmNew', message: 'Required when a likely duplicate exists' }],
            { candidates: likely },
          );
        }
      }
      const participant = await withTransaction(ctx.pool, async (tx) => {
        const created = await insertParticipant(tx, { ...record, createdBy: actor.userId });
        await recordHistory(tx, created.id, actor, [
          { field: 'created', oldValue: null, newValue: { ...created, ssn: created.ssn } },
        ]);
        await announce(tx, actor, ParticipantCreated, created);
        await announceSharing(tx, created.id, actor);
        return created;
      });
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
    handler: ({ params, req }) => participantFor(ctx.pool, actorOf(req), params.id, 'read'),
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
      await participantFor(ctx.pool, actor, params.id, 'write');
      checkBirthDate(body.birthDate);
      const { version, ...input } = body;
      return withTransaction(ctx.pool, async (tx) => {
        const current = await lockParticipant(tx, params.id);
        if (!current) throw badRequest('The participant no longer exists.');
        requireCurrentVersion('participant', current.version, version);
        const { changes, history } = applyChanges(current, input, cipher);
        // nothing changed: answer it as read (on the pool: a denial's audit outlives the request)
        if (!history.length) return participantFor(ctx.pool, actor, params.id, 'read');
        const updated = await updateParticipant(tx, params.id, changes);
        await recordHistory(tx, params.id, actor, history);
        await announce(tx, actor, ParticipantUpdated, updated);
        return updated;
      });
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
      await participantFor(ctx.pool, actorOf(req), params.id, 'read');
      return { items: await historyOf(ctx.pool, params.id) };
    },
  });
}
