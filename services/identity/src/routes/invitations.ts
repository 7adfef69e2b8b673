import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import {
  conflict,
  defineRoute,
  idParams,
  notFound,
  page,
  pageQuery,
  unprocessable,
  type Api,
} from '@hearth/http';
import type { IdentityContext } from '../context';
import {
  INVITATION_TTL_SECONDS,
  acceptedView,
  invitationView,
  newInvitation,
  newInvitationToken,
  receivedInvitationView,
  tokenAcceptance,
  tokenHash,
} from '../domain/invitations';
import { hashPassword } from '../domain/passwords';
import {
  invitationsFor,
  listPendingInvitations,
  revokeInvitation,
  takeInvitation,
  upsertInvitation,
} from '../store/invitations';
import { findOrganization } from '../store/organizations';
import { addMembership, findProfile, insertUser } from '../store/users';

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

/**
 * Public: the invitee without an account proves the email with the token sent to it, and chooses
 * a name and password. The token holder owns the email, so telling them an account already holds
 * it reveals nothing they do not know.
 */
export function invitationTokenRoutes(api: Api, ctx: IdentityContext) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/auth/invitations/accept',
    summary: 'Create your account from an invitation token and join its organization',
    tag: 'auth',
    public: true,
    body: tokenAcceptance,
    success: { status: 201, schema: acceptedView },
    handler: async ({ body }) => {
      const passwordHash = await hashPassword(body.password); // slow on purpose: outside the transaction
      const outcome = await withTransaction(ctx.pool, async (tx) => {
        const invitation = await takeInvitation(tx, { tokenHash: tokenHash(body.token) });
        if (!invitation) return 'unknown_token' as const;
        const userId = await insertUser(tx, {
          ...body,
          id: randomUUID(),
          email: invitation.email,
          passwordHash,
        });
        if (userId === 'email_taken') throw accountExists();
        await addMembership(tx, { ...invitation, userId });
        return { userId, organizationId: invitation.orgId, roles: invitation.roles };
      });
      if (outcome === 'unknown_token') {
        throw unprocessable('This invitation is unknown, used, revoked or lapsed.', [
          {
            field: 'token',
            message: 'Not a pending invitation; ask the admin to invite you again',
          },
        ]);
      }
      return outcome;
    },
  });
}

// Thrown inside the transaction, so the invitation stays pending for the in-app acceptance.
const accountExists = () =>
  conflict('An account holds this email: log in and accept the invitation there.', [
    { field: 'token', message: 'Accept it after logging in (GET /api/v1/users/me/invitations)' },
  ]);
