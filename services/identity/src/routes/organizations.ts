import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import {
  conflict,
  defineRoute,
  forbidden,
  idParams,
  notFound,
  page,
  pageQuery,
  type Api,
} from '@hearth/http';
import type { IdentityDeps } from '../deps';
import {
  mayChangeOrganization,
  newOrganization,
  organizationChanges,
  organizationView,
} from '../domain/organizations';
import { changeOrganization } from '../use-cases/change-organization';
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
      const admin = requireRole(req, 'system_admin');
      const created = await registerOrganization(deps, admin, body);
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

  // Agency settings are not client data, but they decide its records' dates: 403 is no leak here.
  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/organizations/:id',
    summary: "Change an organization's time zone; system_admin or that organization's supervisor",
    tag: 'organizations',
    params: idParams,
    body: organizationChanges,
    success: { status: 200, schema: organizationView },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      if (!mayChangeOrganization(actor, params.id))
        throw forbidden(
          "Only the HMIS lead or the organization's supervisor changes its settings.",
        );
      const changed = await changeOrganization(deps, actor, params.id, body);
      if (!changed) throw notFound('The organization');
      return changed;
    },
  });
}
