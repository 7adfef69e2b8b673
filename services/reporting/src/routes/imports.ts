import { z } from 'zod';
import { roleAllows } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { defineRoute, forbidden, idParams, notFound, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { importReport } from '../domain/import-report';
import { importById, type ImportRow } from '../store/imports';
import { importHmis } from '../use-cases/import-hmis';

const view = (r: ImportRow, replayed = false) => ({
  id: r.id,
  status: 'completed' as const,
  zipSha256: r.zipSha256,
  exportId: r.exportId,
  files: r.files,
  refusals: r.refusals,
  createdAt: new Date(r.createdAt).toISOString(),
  replayed,
});

export function importRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/imports',
    summary:
      "Import an HMIS CSV FY2026 export (multipart: one `file` part, the zip) into the requester's organization: the same zip again imports nothing and answers its first import (replayed: true)",
    tag: 'imports',
    bodyContentType: 'multipart/form-data',
    body: z.object({ file: z.string().meta({ format: 'binary' }) }),
    problems: [403, 413, 415, 422],
    success: { status: 201, schema: importReport },
    handler: async ({ req, res }) => {
      const actor = actorOf(req);
      if (!roleAllows(actor, 'write')) throw forbidden('Your roles write no client records');
      const { report, replayed } = await importHmis(deps, actor, req);
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      return view(report, replayed);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/imports/:id',
    summary:
      "An import of the requester's organization: rows read, accepted, already held and refused per file, and every refused row",
    tag: 'imports',
    params: idParams,
    problems: [404],
    success: { status: 200, schema: importReport },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const found = await importById(deps.pool, params.id);
      // another organization's import is not revealed
      if (!found || found.orgId !== actor.orgId || !roleAllows(actor, 'read'))
        throw notFound('No such import');
      return view(found);
    },
  });
}
