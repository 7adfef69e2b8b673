import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, isoDate, page, pageQuery, uuid, type Api } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { serviceStatuses } from '../domain/service-record';
import { deleteService, editService } from '../use-cases/change-service';
import { copyService } from '../use-cases/copy-service';
import { listServices } from '../use-cases/list-services';
import { recordService } from '../use-cases/record-service';
import { serviceHistory } from '../use-cases/service-history';
import { participantFor } from './participant-gate';
import { serviceFor } from './service-gate';

const text = (max: number) => z.string().trim().min(1).max(max);
export const newService = z.strictObject({
  participantId: uuid(),
  enrollmentId: uuid().describe('An enrollment of this participant, active on the service date'),
  serviceTypeId: uuid().describe("A type from the catalog of the enrollment's program"),
  serviceDate: isoDate().describe("Never in the future on the organization's calendar"),
  comment: text(4000).optional().describe('Required by some types; "See Case Note" will do'),
  providedBy: text(200).optional().describe("One of the type's provided-by options"),
  startDate: isoDate().optional(),
  targetEndDate: isoDate().optional(),
  status: z.enum(serviceStatuses).optional().describe('Dated types only; started: trainings'),
  units: z.number().positive().max(100_000).multipleOf(0.01).optional(),
  amountCents: z.number().int().min(0).max(100_000_000).optional(),
  goalId: uuid()
    .optional()
    .describe("One of your organization's FSSP goals for this participant (a family goal too)"),
  barrierId: uuid().optional().describe('A barrier of that goal (of one of their goals if none)'),
  staffUserId: uuid()
    .optional()
    .describe('Who provided it: you by default; data-entry staff may name an active colleague'),
});
const nullable = <T extends z.ZodType>(t: T) => t.nullable().optional().describe('null clears it');
const serviceChanges = z.strictObject({
  version: z.number().int().positive().describe('The version you read; a stale one is refused'),
  serviceTypeId: newService.shape.serviceTypeId.optional(),
  serviceDate: newService.shape.serviceDate.optional(),
  comment: nullable(text(4000)),
  providedBy: nullable(text(200)),
  startDate: nullable(isoDate()),
  targetEndDate: nullable(isoDate()),
  status: nullable(z.enum(serviceStatuses)),
  units: nullable(newService.shape.units.unwrap()),
  amountCents: nullable(newService.shape.amountCents.unwrap()),
  goalId: nullable(uuid()),
  barrierId: nullable(uuid()),
  staffUserId: newService.shape.staffUserId,
});
const service = z
  .object({
    id: z.string(),
    participantId: z.string(),
    serviceDate: z.string(),
    version: z.number(),
    goalId: z.string().nullable(),
    barrierId: z.string().nullable(),
    copiedFromId: z.string().nullable().describe('The original this service was copied from'),
  })
  .passthrough();
const serviceVersion = z.object({
  version: z.number(),
  change: z.enum(['edited', 'deleted']).describe('What replaced this version'),
  changedAt: z.string().describe('When it was replaced'),
  changedBy: z.string().describe('Who replaced it'),
  fields: z.object({ serviceDate: z.string() }).passthrough().describe('The record as it was'),
});

export function serviceRoutes(api: Api, deps: ServicesDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/services',
    summary: "Record a service for a participant's enrollment, by the rules of its catalog type",
    tag: 'services',
    body: newService,
    success: { status: 201, schema: service },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, body.participantId, 'write', deps.clock());
      const saved = await recordService(deps, actor, body);
      res.location(`/api/v1/services/${saved.id}`);
      return saved;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/services',
    summary: "A participant's services, newest first, as their sharing lets you see them",
    tag: 'services',
    query: z.strictObject({ participantId: uuid(), enrollmentId: uuid().optional(), ...pageQuery }),
    success: { status: 200, schema: page(service) },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      await participantFor(deps.pool, actor, query.participantId, 'read', deps.clock());
      return listServices(deps, actor, query);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/services/:id',
    summary: 'One service; a service you may not see answers 404 like an unknown one',
    tag: 'services',
    params: idParams,
    success: { status: 200, schema: service },
    handler: async ({ params, req }) => serviceFor(deps, actorOf(req), params.id, 'read'),
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/services/:id/copies',
    summary:
      "Copy a service of your organization to another enrollment of the same participant (the target program's type of the same name)",
    tag: 'services',
    params: idParams,
    body: z.strictObject({
      enrollmentId: uuid().describe('Another enrollment of this participant, active on the date'),
    }),
    success: { status: 201, schema: service },
    handler: async ({ params, body, req, res }) => {
      const actor = actorOf(req);
      const source = await serviceFor(deps, actor, params.id, 'write');
      const copy = await copyService(deps, actor, source, body.enrollmentId);
      res.location(`/api/v1/services/${copy.id}`);
      return copy;
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/services/:id/history',
    summary: "A service's earlier versions, oldest first, each with the change that replaced it",
    tag: 'services',
    params: idParams,
    success: { status: 200, schema: z.object({ items: z.array(serviceVersion) }) },
    handler: async ({ params, req }) => {
      // a deleted service keeps its history; who may read it is decided as for the service
      await serviceFor(deps, actorOf(req), params.id, 'read', { withDeleted: true });
      return serviceHistory(deps, params.id);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/services/:id',
    summary: 'Edit a service of your organization (versioned); the edited record meets every rule',
    tag: 'services',
    params: idParams,
    body: serviceChanges,
    success: { status: 200, schema: service },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      await serviceFor(deps, actor, params.id, 'write');
      return editService(deps, actor, params.id, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'delete',
    path: '/services/:id',
    summary: 'Delete a service of your organization (kept, marked, in its history)',
    tag: 'services',
    params: idParams,
    success: { status: 204 },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      await serviceFor(deps, actor, params.id, 'delete');
      await deleteService(deps, actor, params.id);
    },
  });
}
