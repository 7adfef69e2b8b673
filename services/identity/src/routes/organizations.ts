import { z } from 'zod';
import { requireRole } from '@hearth/auth';
import { conflict, defineRoute, idParams, notFound, page, pageQuery, type Api } from '@hearth/http';
import type { IdentityDeps } from '../deps';
import { newOrganization, organizationView } from '../domain/organizations';
import { listOrganizations } from '../use-cases/list-organizations';
import { readOrganization } from '../use-cases/read-organization';
import { registerOrganization } from '../use-cases/register-organization';

export function organizationRoutes(api: Api, deps: IdentityDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/organizations',
    summary: "Register an organization (agency); the HMIS lead's system_admin only",
    tag: 'organizations',
    body: newOrganization,
    success: { status: 201, schema: organizationView },
    handler: async ({ body, req, res }) => {
      // The continuum's HMIS lead registers agencies; an agency's admin manages its own users only.
      requireRole(req, 'system_admin');
      const created = await registerOrganization(deps, body);
      if (created === 'name_taken') {
        throw conflict('An organization with this name exists.', [
          { field: 'name', message: 'Already taken (names are compared ignoring case)' },
        ]);
      }
      res.location(`/api/v1/organizations/${created.id}`);
      return created;
    },
  });

  // Any signed-in user may list organizations: agency names are not client data, and referrals
  // and information releases need them.
  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/organizations',
    summary: 'List organizations by name',
    tag: 'organizations',
    query: z.strictObject(pageQuery),
    success: { status: 200, schema: page(organizationView) },
    handler: async ({ query }) => listOrganizations(deps, query),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/organizations/:id',
    summary: 'Read one organization',
    tag: 'organizations',
    params: idParams,
    success: { status: 200, schema: organizationView },
    handler: async ({ params }) => {
      const found = await readOrganization(deps, params.id);
      if (!found) throw notFound('The organization');
      return found;
    },
  });
}
