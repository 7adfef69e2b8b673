import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import { conflict, defineRoute, idParams, notFound, page, pageQuery, type Api } from '@hearth/http';
import type { IdentityDeps } from '../deps';
import { profileView, userView } from '../domain/users';
import { listMembers } from '../use-cases/list-members';
import { readProfile } from '../use-cases/read-profile';
import { removeMembership } from '../use-cases/remove-membership';

/** An agency's admin manages its own organization's users; accounts are made by invitation. */
export function userRoutes(api: Api, deps: IdentityDeps) {
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/users',
    summary: "List the users of the admin's organization with their roles in it",
    tag: 'users',
    query: z.strictObject(pageQuery),
    success: { status: 200, schema: page(userView) },
    handler: async ({ query, req }) => {
      const admin = requireRole(req, 'admin');
      return listMembers(deps, admin.orgId, query);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/users/me',
    summary: 'Your own profile and every organization you belong to',
    tag: 'users',
    success: { status: 200, schema: profileView },
    handler: async ({ req }) => {
      const profile = await readProfile(deps, actorOf(req));
      if (!profile) throw notFound('Your user account');
      return profile;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'delete',
    path: '/users/:id',
    summary:
      "Remove a user from the admin's organization (their account and other memberships stay)",
    tag: 'users',
    params: idParams,
    success: { status: 204 },
    handler: async ({ params, req }) => {
      const admin = requireRole(req, 'admin');
      const outcome = await removeMembership(deps, admin, params.id);
      if (outcome === 'own_membership')
        throw conflict('You cannot remove yourself; another admin of your organization can.', [
          { field: 'id', message: 'Your own user' },
        ]);
      if (outcome === 'not_a_member') throw notFound('The member of your organization');
    },
  });
}
