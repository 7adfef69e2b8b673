import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import { defineRoute, idParams, notFound, page, pageQuery, type Api } from '@hearth/http';
import type { IdentityDeps } from '../deps';
import {
  acceptedView,
  invitationView,
  newInvitation,
  receivedInvitationView,
} from '../domain/invitations';
import { acceptInvitation } from '../use-cases/accept-invitation';
import { inviteUser } from '../use-cases/invite-user';
import { listPendingInvitations } from '../use-cases/list-pending-invitations';
import { listReceivedInvitations } from '../use-cases/list-received-invitations';
import { revokeInvitation } from '../use-cases/revoke-invitation';

/** A user joins another organization only by accepting an invitation (DOMAIN.md). */
export function invitationRoutes(api: Api, deps: IdentityDeps) {
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
      const invitation = await inviteUser(deps, {
        ...body,
        orgId: admin.orgId,
        invitedBy: admin.userId,
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
      listPendingInvitations(deps, requireRole(req, 'admin').orgId, query),
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
      if (!(await revokeInvitation(deps, { orgId: admin.orgId, id: params.id })))
        throw notFound('The pending invitation');
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/users/me/invitations',
    summary: 'Pending invitations addressed to your email',
    tag: 'users',
    success: { status: 200, schema: z.object({ items: z.array(receivedInvitationView) }) },
    handler: async ({ req }) => ({
      items: await listReceivedInvitations(deps, actorOf(req).userId),
    }),
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
      const accepted = await acceptInvitation(deps, {
        userId: actorOf(req).userId,
        invitationId: params.id,
      });
      if (!accepted) throw notFound('The pending invitation');
      return accepted;
    },
  });
}
