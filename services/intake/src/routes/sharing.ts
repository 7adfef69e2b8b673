import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { securityRestrictions } from '@hearth/events';
import { defineRoute, idParams, isoDate, type Api } from '@hearth/http';
import { ownedParticipantFor, participantFor } from '../access';
import type { IntakeDeps } from '../deps';
import { newReleaseRefusal } from '../domain/releases';
import { changeRestriction } from '../use-cases/change-restriction';
import { grantRelease } from '../use-cases/grant-release';
import { listReleases } from '../use-cases/list-releases';
import { refuseIf } from '../use-cases/refuse';
import { revokeRelease } from '../use-cases/revoke-release';

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
    scope: z
      .enum(['full', 'referral'])
      .describe('full: signed in intake; referral: made by a referral to its receiver, read only'),
    referralId: z.string().uuid().nullable().describe('The referral that made it (by referral)'),
    categories: z
      .array(z.string())
      .describe("What the participant authorized a referral's receiver to read"),
  })
  .passthrough();

export function sharingRoutes(api: Api, deps: IntakeDeps) {
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
      const participant = await ownedParticipantFor(deps, actor, params.id);
      return changeRestriction(deps, actor, participant, body.securityRestriction);
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
      refuseIf(newReleaseRefusal(body, actor.orgId));
      await ownedParticipantFor(deps, actor, params.id);
      return grantRelease(deps, actor, params.id, body);
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
      const participant = await participantFor(deps, actor, params.id, 'read');
      return listReleases(deps, actor, participant);
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
      await ownedParticipantFor(deps, actor, params.id);
      return revokeRelease(deps, actor, params.id, params.releaseId);
    },
  });
}
