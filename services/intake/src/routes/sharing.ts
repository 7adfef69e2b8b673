import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { ReleaseGranted, ReleaseRevoked, createEvent, securityRestrictions } from '@hearth/events';
import {
  badRequest,
  defineRoute,
  forbidden,
  idParams,
  isoDate,
  notFound,
  type Api,
} from '@hearth/http';
import type { ServiceContext } from '@hearth/runtime';
import { participantFor } from '../access';
import type { IntakeEnv } from '../config';
import { announceSharing } from '../events/sharing';
import type { ParticipantView } from '../domain/participant';
import { recordHistory } from '../store/history';
import { insertRelease, listReleases, revokeRelease, setRestriction } from '../store/releases';

const newRelease = z.strictObject({
  toOrgId: z.string().uuid(),
  beginDate: isoDate(),
  endDate: isoDate(),
  signedBy: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('Who signed the release: the participant or their guardian'),
});
const release = z
  .object({
    releaseId: z.string().uuid(),
    toOrgId: z.string().uuid(),
    beginDate: z.string(),
    endDate: z.string(),
    revokedAt: z.string().nullable(),
  })
  .passthrough();
const eventActor = (actor: Actor) => ({
  orgId: actor.orgId,
  ...authorOf(actor),
});

/** Sharing is the participant's consent as recorded by the agency that took them in: only it changes it. */
async function ownedParticipant(
  ctx: ServiceContext<IntakeEnv>,
  actor: Actor,
  id: string,
): Promise<ParticipantView> {
  const participant = await participantFor(ctx.pool, actor, id, 'write');
  if (participant.ownerOrgId !== actor.orgId) {
    throw forbidden(
      'Only the organization that took this participant in can change their sharing and releases.',
    );
  }
  return participant;
}

export function sharingRoutes(api: Api, ctx: ServiceContext<IntakeEnv>) {
  defineRoute(api.router, api.registry, {
    method: 'put',
    path: '/participants/:id/sharing',
    summary:
      "Set the participant's security restriction (restrict_to_org, share_mou, share_global)",
    tag: 'sharing',
    params: idParams,
    body: z.strictObject({ securityRestriction: z.enum(securityRestrictions) }),
    success: {
      status: 200,
      schema: z.object({
        participantId: z.string(),
        securityRestriction: z.enum(securityRestrictions),
      }),
    },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const participant = await ownedParticipant(ctx, actor, params.id);
      if (participant.securityRestriction !== body.securityRestriction) {
        await withTransaction(ctx.pool, async (tx) => {
          await setRestriction(tx, params.id, body.securityRestriction);
          await recordHistory(tx, params.id, actor, [
            {
              field: 'securityRestriction',
              oldValue: participant.securityRestriction,
              newValue: body.securityRestriction,
            },
          ]);
          await announceSharing(tx, params.id, actor);
        });
      }
      return { participantId: params.id, securityRestriction: body.securityRestriction };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/participants/:id/releases',
    summary: 'Record an information release (ROI/MOU) to another organization',
    tag: 'sharing',
    params: idParams,
    body: newRelease,
    success: { status: 201, schema: release },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      if (body.endDate < body.beginDate)
        throw badRequest('The release ends before it begins.', [
          { field: 'endDate', message: 'Must be on or after beginDate' },
        ]);
      if (body.toOrgId === actor.orgId)
        throw badRequest('A release is to another organization.', [
          { field: 'toOrgId', message: 'Your own organization' },
        ]);
      await ownedParticipant(ctx, actor, params.id);
      return withTransaction(ctx.pool, async (tx) => {
        const created = await insertRelease(tx, {
          id: randomUUID(),
          participantId: params.id,
          ...body,
        });
        const { signedBy: _s, createdAt: _c, ...facts } = created;
        await recordEvent(tx, createEvent(ReleaseGranted, { ...eventActor(actor), data: facts }));
        await announceSharing(tx, params.id, actor);
        return created;
      });
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/participants/:id/releases',
    summary:
      "A participant's information releases, active and past: all of them for the organization that took the participant in, only those to itself for another",
    tag: 'sharing',
    params: idParams,
    success: { status: 200, schema: z.object({ items: z.array(release) }) },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const participant = await participantFor(ctx.pool, actor, params.id, 'read');
      const releases = await listReleases(ctx.pool, params.id);
      // Which other agencies a client consented to, and who signed, is the owner's to know; a
      // released organization sees only the releases that concern it.
      const concernsActor = (r: { toOrgId: string }) =>
        participant.ownerOrgId === actor.orgId || r.toOrgId === actor.orgId;
      return { items: releases.filter(concernsActor) };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/participants/:id/releases/:releaseId/revoke',
    summary: 'Revoke an information release now',
    tag: 'sharing',
    params: z.strictObject({ id: z.string().uuid(), releaseId: z.string().uuid() }),
    success: { status: 200, schema: release },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      await ownedParticipant(ctx, actor, params.id);
      return withTransaction(ctx.pool, async (tx) => {
        const revoked = await revokeRelease(tx, params.id, params.releaseId);
        if (!revoked) throw notFound('The release');
        const { signedBy: _s, createdAt: _c, ...facts } = revoked;
        await recordEvent(tx, createEvent(ReleaseRevoked, { ...eventActor(actor), data: facts }));
        await announceSharing(tx, params.id, actor);
        return revoked;
      });
    },
  });
}
