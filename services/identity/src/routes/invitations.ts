import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { defineRoute, idParams, notFound, page, pageQuery, type Api } from '@hearth/http';
import type { IdentityContext } from '../context';
import {
  INVITATION_TTL_SECONDS,
  acceptedView,
  invitationView,
  newInvitation,
  newInvitationToken,
  receivedInvitationView,
  tokenHash,
} from '../domain/invitations';
import {
  invitationsFor,
  listPendingInvitations,
  revokeInvitation,
  takeInvitation,
  upsertInvitation,
} from '../store/invitations';
import { findOrganization } from '../store/organizations';
import { addMembership, findProfile } from '../store/users';

/** A user joins another organization only by accepting an invitation (DOMAIN.md). */
export function invitationRoutes(api: Api, ctx: IdentityContext) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/users/invitations',
    summary:
      "Invite an email to the admin's organization with roles there; answered alike whether or not an account holds the email",
    tag: 'users',
    body: newInvitation,
    success: { status: 202, schema: invitationView },
    handler: async ({ body, req, res }) => {
      const admin = requireRole(req, 'admin');
      const token = newInvitationToken();
      const invitation = await upsertInvitation(
        ctx.pool,
        { id: randomUUID(), orgId: admin.orgId, ...body, tokenHash: tokenHash(token) },
        admin.userId,
        INVITATION_TTL_SECONDS,
      );
      const organization = await findOrganization(ctx.pool, admin.orgId);
      await ctx.deliverInvitation({
        email: body.email,
        organizationName: organization?.name ?? '',
        token,
        expiresAt: invitation.expiresAt,
      });
      res.location(`/api/v1/users/invitations/${invitation.id}`);
      return invitation;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/users/invitations',
    summary: "The admin's organization's pending invitations",
    tag: 'users',
    query: z.strictObject(pageQuery),
    success: { status: 200, schema: page(invitationView) },
    handler: async ({ query, req }) =>
      listPendingInvitations(ctx.pool, requireRole(req, 'admin').orgId, query),
  });

  defineRoute(api.router, api.registry, {
    method: 'delete',
    path: '/users/invitations/:id',
    summary: "Revoke a pending invitation of the admin's organization",
    tag: 'users',
    params: idParams,
    success: { status: 204 },
    handler: async ({ params, req }) => {
      const admin = requireRole(req, 'admin');
      if (!(await revokeInvitation(ctx.pool, admin.orgId, params.id)))
        throw notFound('The pending invitation');
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/users/me/invitations',
    summary: 'Pending invitations addressed to your email',
    tag: 'users',
    success: { status: 200, schema: z.object({ items: z.array(receivedInvitationView) }) },
    handler: async ({ req }) => {
      const profile = await findProfile(ctx.pool, actorOf(req).userId);
      return { items: profile ? await invitationsFor(ctx.pool, profile.email) : [] };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/users/me/invitations/:id/accept',
    summary:
      'Accept an invitation addressed to your email: you join its organization (log in again to work there)',
    tag: 'users',
    params: idParams,
    success: { status: 200, schema: acceptedView },
    handler: async ({ params, req }) => {
      const { userId } = actorOf(req);
      const profile = await findProfile(ctx.pool, userId);
      if (!profile) throw notFound('The pending invitation');
      const taken = await withTransaction(ctx.pool, async (tx) => {
        const invitation = await takeInvitation(tx, { id: params.id, email: profile.email });
        if (invitation) await addMembership(tx, { ...invitation, userId });
        return invitation;
      });
      if (!taken) throw notFound('The pending invitation');
      return { userId, organizationId: taken.orgId, roles: taken.roles };
    },
  });
}
