import { z } from 'zod';
import { roleAllows } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { defineRoute, forbidden, isoDate, unprocessable, uuid, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { streamHmisExport } from '../use-cases/export-hmis';

const exportBody = z.strictObject({
  /** Omitted: the requester's organization; a system_admin may name any, or `continuum: true`. */
  organizationId: uuid().optional(),
  continuum: z.boolean().default(false),
  startDate: isoDate(),
  endDate: isoDate(),
  /** Names as SHA-256 (HashStatus 4) instead of in clear. */
  hashNames: z.boolean().default(false),
});

export function exportRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/exports',
    summary:
      "HUD's HMIS CSV FY2026 export (a zip of its 24 files, streamed) of an organization, or the continuum for a system_admin, over a date range",
    tag: 'exports',
    body: exportBody,
    success: { status: 200, contentType: 'application/zip' },
    problems: [403, 422],
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      const isLead = actor.roles.includes('system_admin');
      if (body.endDate < body.startDate)
        throw unprocessable('The range ends before it starts', [
          { field: 'endDate', message: 'Must be on or after startDate' },
        ]);
      if (body.continuum && body.organizationId)
        throw unprocessable('Export the continuum or one organization, not both', [
          { field: 'continuum', message: 'Leave out organizationId to export the continuum' },
        ]);
      if (body.continuum && !isLead) throw forbidden('Only the HMIS lead exports the continuum');
      const orgId = body.continuum ? null : (body.organizationId ?? actor.orgId);
      if (orgId !== null && orgId !== actor.orgId && !isLead)
        throw forbidden("Another organization's export is its own or the HMIS lead's");
      // clients travel only where the role reads them (libs/access); the HMIS lead's export holds
      // the continuum's organizations, users and projects
      if (!isLead && !roleAllows(actor, 'read'))
        throw forbidden('Your roles read no client records');
      await streamHmisExport(
        deps,
        actor,
        {
          orgId,
          startDate: body.startDate,
          endDate: body.endDate,
          hashed: body.hashNames,
        },
        res,
      );
    },
  });
}
