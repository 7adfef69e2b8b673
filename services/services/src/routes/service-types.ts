import { z } from 'zod';
import { actorOf, requireRole } from '@hearth/auth';
import { defineRoute, idParams, notFound, uuid, type Api } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { findServiceType, serviceTypesOf } from '../store/service-types';
import { changeServiceType, createServiceType } from '../use-cases/service-types';

const rules = {
  name: z.string().trim().min(1).max(200),
  requiresComment: z.boolean().describe('A comment (or "See Case Note") on every record'),
  requiresProvidedBy: z.boolean().describe('Who provided it, from providedByOptions'),
  providedByOptions: z.array(z.string().trim().min(1).max(200)).max(50),
  startsParticipation: z.boolean().describe('The first such service sets Participation'),
  updatesLastQualifyingDate: z.boolean().describe('Moves the date auto exit counts from'),
  dated: z.boolean().describe('Start date, target end date and a status'),
  training: z.boolean().describe('A workforce training: may be recorded as started'),
  unitsAllowed: z.boolean(),
  amountAllowed: z.boolean(),
};
const coherent = (t: { requiresProvidedBy?: boolean; providedByOptions?: string[] }) =>
  !t.requiresProvidedBy || (t.providedByOptions?.length ?? 0) > 0;
const noOptions = { path: ['providedByOptions'], message: 'Required provided-by needs options' };
const newType = z.strictObject({ programId: uuid(), ...rules }).refine(coherent, noOptions);
// a patch without options keeps the current ones: the use case checks the merged entry
const typeChanges = z
  .strictObject({
    version: z.number().int().positive().describe('The version you read; a stale one is refused'),
    ...z.object(rules).partial().shape,
  })
  .refine((t) => t.providedByOptions === undefined || coherent(t), noOptions);
const serviceType = z
  .object({ id: z.string(), programId: z.string(), version: z.number() })
  .passthrough();

/** The catalog of a program, its rules as data; a supervisor (or admin) writes it. */
export function serviceTypeRoutes(api: Api, deps: ServicesDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/service-types',
    summary: "Add a service type to a program's catalog",
    tag: 'service-types',
    body: newType,
    success: { status: 201, schema: serviceType },
    handler: async ({ body, req, res }) => {
      const created = await createServiceType(deps, requireRole(req, 'supervisor', 'admin'), body);
      res.location(`/api/v1/service-types/${created.id}`);
      return created;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/service-types',
    summary: "A program's catalog (of your organization)",
    tag: 'service-types',
    query: z.strictObject({ programId: uuid() }),
    success: {
      status: 200,
      schema: z.object({ items: z.array(serviceType), nextCursor: z.null() }),
    },
    handler: async ({ query, req }) => ({
      items: await serviceTypesOf(deps.pool, actorOf(req).orgId, query.programId),
      nextCursor: null, // a program's catalog is a few dozen entries: one page
    }),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/service-types/:id',
    summary: 'One service type of your organization',
    tag: 'service-types',
    params: idParams,
    success: { status: 200, schema: serviceType },
    handler: async ({ params, req }) => {
      const found = await findServiceType(deps.pool, params.id);
      if (!found || found.orgId !== actorOf(req).orgId) throw notFound('The service type');
      return found;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/service-types/:id',
    summary: 'Change a service type (versioned); records already made keep their values',
    tag: 'service-types',
    params: idParams,
    body: typeChanges,
    success: { status: 200, schema: serviceType },
    handler: async ({ params, body, req }) =>
      changeServiceType(deps, requireRole(req, 'supervisor', 'admin'), params.id, body),
  });
}
