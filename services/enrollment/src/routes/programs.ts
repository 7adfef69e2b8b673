import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { requireRole, actorOf } from '@hearth/auth';
import { conflict, defineRoute, idParams, isoDate, notFound, type Api } from '@hearth/http';
import type { Deps } from '../deps';
import { eligibilityCriteria } from '../domain/criteria';
import { registrationField } from '../domain/registration-answers';
import { findProgram, insertProgram, listPrograms } from '../store/programs';

const text = (max: number) => z.string().trim().min(1).max(max);
const newProgram = z
  .strictObject({
    name: text(200),
    fundingSource: text(200).describe('The grant or funding source paying for the program'),
    grantNumber: text(100).optional(),
    activeFrom: isoDate(),
    activeTo: isoDate().optional(),
    serviceCatalogRef: text(200).optional().describe("The services service's catalog for it"),
    requiredRegistrationFields: z.array(registrationField).max(30).default([]),
    eligibilityCriteria: eligibilityCriteria.default([]),
  })
  .refine((p) => !p.activeTo || p.activeTo >= p.activeFrom, {
    path: ['activeTo'],
    message: 'Must not be before activeFrom',
  });
const program = z.object({ id: z.string(), name: z.string(), orgId: z.string() }).passthrough();

/** Programs belong to the actor's organization; other organizations' programs are not listed. */
export function programRoutes(api: Api, deps: Deps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/programs',
    summary: 'Create a program of your organization, with its eligibility criteria as data',
    tag: 'programs',
    body: newProgram,
    success: { status: 201, schema: program },
    handler: async ({ body, req, res }) => {
      const actor = requireRole(req, 'supervisor', 'admin');
      const created = await insertProgram(deps.pool, {
        id: randomUUID(),
        orgId: actor.orgId,
        name: body.name,
        fundingSource: body.fundingSource,
        grantNumber: body.grantNumber ?? null,
        activeFrom: body.activeFrom,
        activeTo: body.activeTo ?? null,
        serviceCatalogRef: body.serviceCatalogRef ?? null,
        requiredRegistrationFields: [...new Set(body.requiredRegistrationFields)],
        eligibilityCriteria: body.eligibilityCriteria,
        createdBy: actor.userId,
      });
      if (!created)
        throw conflict('Your organization already has a program with this name.', [
          { field: 'name', message: 'Already used' },
        ]);
      res.location(`/api/v1/programs/${created.id}`);
      return created;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/programs',
    summary: "Your organization's programs; activeOn lists only those active on that date",
    tag: 'programs',
    query: z.strictObject({ activeOn: isoDate().optional() }),
    success: { status: 200, schema: z.object({ items: z.array(program), nextCursor: z.null() }) },
    handler: async ({ query, req }) => ({
      items: await listPrograms(deps.pool, actorOf(req).orgId, query.activeOn),
      nextCursor: null, // an organization runs a handful of programs: one page
    }),
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/programs/:id',
    summary: 'One program of your organization',
    tag: 'programs',
    params: idParams,
    success: { status: 200, schema: program },
    handler: async ({ params, req }) => {
      const found = await findProgram(deps.pool, params.id);
      if (!found || found.orgId !== actorOf(req).orgId) throw notFound('The program');
      return found;
    },
  });
}
