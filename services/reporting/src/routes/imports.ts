import { z } from 'zod';
import { roleAllows } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { defineRoute, forbidden, idParams, notFound, type Api } from '@hearth/http';
import type { ReportingDeps } from '../deps';
import { countsAsNow, importReport } from '../domain/import-report';
import { clientsInIntake, type ClientsInIntake } from '../store/imported-clients-in-intake';
import {
  enrollmentsInEnrollment,
  type EnrollmentsInEnrollment,
} from '../store/imported-enrollments-in-enrollment';
import {
  servicesInServices,
  type ServicesInServices,
} from '../store/imported-services-in-services';
import {
  laterExitsInEnrollment,
  type LaterExitsInEnrollment,
} from '../store/later-exits-in-enrollment';
import { importById, type ImportRow } from '../store/imports';
import { queueImport } from '../use-cases/queue-import';

const instant = (d: Date | null) => (d ? new Date(d).toISOString() : null);
interface Answers {
  intake: ClientsInIntake;
  enrollment: EnrollmentsInEnrollment;
  services: ServicesInServices;
  laterExits: LaterExitsInEnrollment;
}
const answersOf = async (deps: ReportingDeps, r: ImportRow): Promise<Answers> => ({
  intake: await clientsInIntake(deps.pool, r.id),
  enrollment: await enrollmentsInEnrollment(deps.pool, { orgId: r.orgId, importId: r.id }),
  services: await servicesInServices(deps.pool, { orgId: r.orgId, importId: r.id }),
  laterExits: await laterExitsInEnrollment(deps.pool, { orgId: r.orgId, importId: r.id }),
});
const view = (r: ImportRow, answers: Answers, replayed = false) => ({
  id: r.id,
  status: r.status,
  zipSha256: r.zipSha256,
  exportId: r.exportId,
  files: countsAsNow(r.files),
  refusals: r.refusals,
  problem: r.problem,
  createdAt: new Date(r.createdAt).toISOString(),
  startedAt: instant(r.startedAt),
  finishedAt: instant(r.finishedAt),
  clientsInIntake: answers.intake,
  enrollmentsInEnrollment: answers.enrollment,
  servicesInServices: answers.services,
  laterExitsInEnrollment: answers.laterExits,
  replayed,
});

export function importRoutes(api: Api, deps: ReportingDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/imports',
    summary:
      "Queue the import of an HMIS CSV FY2026 export (multipart: one `file` part, the zip) into the requester's organization: 202 with the import job (follow it at GET /imports/{id}); a zip that is not an FY2026 export's 24 files with their header rows is 422 at once; the same zip again queues nothing and answers its first import (replayed: true)",
    tag: 'imports',
    bodyContentType: 'multipart/form-data',
    body: z.object({ file: z.string().meta({ format: 'binary' }) }),
    problems: [403, 413, 415, 422],
    success: { status: 202, schema: importReport },
    handler: async ({ req, res }) => {
      const actor = actorOf(req);
      if (!roleAllows(actor, 'write')) throw forbidden('Your roles write no client records');
      const { job, replayed } = await queueImport(deps, actor, req);
      if (replayed) res.setHeader('Idempotent-Replayed', 'true');
      return view(job, await answersOf(deps, job), replayed);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/imports/:id',
    summary:
      "An import job of the requester's organization: its status (queued, running, done, refused and why), rows read, accepted, already held, updated, deleted and refused per file so far, every refused row of the files landed, what intake made of its clients (taken in, linked, not taken in, awaiting) and enrollment of its enrollments (recorded, refused and why, pending)",
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
      return view(found, await answersOf(deps, found));
    },
  });
}
