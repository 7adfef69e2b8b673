import type { Request } from 'express';
import { z } from 'zod';
import { roleAllows } from '@hearth/access';
import { actorOf, type Actor } from '@hearth/auth';
import { defineRoute, forbidden, idParams, uuid, type Api } from '@hearth/http';
import { participantFor } from '../access';
import type { IntakeDeps } from '../deps';
import { headChange, newFamily, newMember } from '../domain/families';
import { addFamilyMember } from '../use-cases/add-family-member';
import { changeHead } from '../use-cases/change-head';
import { createFamily } from '../use-cases/create-family';
import { removeFamilyMember } from '../use-cases/remove-family-member';
import { showFamily } from '../use-cases/show-family';
import { showFamilyHistory } from '../use-cases/show-family-history';

const membership = z.object({ participantId: z.string(), relationship: z.string() }).passthrough();
const family = z.object({ id: z.string(), members: z.array(membership) }).passthrough();
const memberParams = z.strictObject({ id: uuid(), participantId: uuid() });

function writer(req: Request): Actor {
  const actor = actorOf(req);
  if (!roleAllows(actor, 'write')) throw forbidden('Your role cannot change families.');
  return actor;
}

/** Families: the role gate here; who may change which family is each use case's, under its locks. */
export function familyRoutes(api: Api, deps: IntakeDeps) {
  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'post',
    path: '/families',
    summary: 'Create a family: its head and members with their relationship to the head',
    body: newFamily,
    success: { status: 201, schema: family },
    handler: async ({ body, req, res }) => {
      const view = await createFamily(deps, writer(req), body);
      res.location(`/api/v1/families/${view.id}`);
      return view;
    },
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'get',
    path: '/families/:id',
    summary: 'A family and its current members, as far as the actor may see them',
    params: idParams,
    success: { status: 200, schema: family },
    handler: ({ params, req }) => showFamily(deps, actorOf(req), params.id),
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'post',
    path: '/families/:id/members',
    summary: 'Add a participant to a household (optionally as current family, leaving all others)',
    params: idParams,
    body: newMember,
    success: { status: 201, schema: membership },
    handler: ({ params, body, req }) => addFamilyMember(deps, writer(req), params.id, body),
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'delete',
    path: '/families/:id/members/:participantId',
    summary: 'A member leaves the family (kept in their family history); never the head',
    params: memberParams,
    success: { status: 200, schema: membership },
    handler: ({ params, req }) =>
      removeFamilyMember(deps, writer(req), params.id, params.participantId),
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'put',
    path: '/families/:id/head',
    summary: 'Make another member the head; the former head takes previousHeadRelationship',
    params: idParams,
    body: headChange,
    success: { status: 200, schema: z.object({ headParticipantId: z.string() }).passthrough() },
    handler: ({ params, body, req }) => changeHead(deps, writer(req), params.id, body),
  });

  defineRoute(api.router, api.registry, {
    tag: 'families',
    method: 'get',
    path: '/participants/:id/families',
    summary: "A participant's family history: every family they were in, with its present head",
    params: idParams,
    success: { status: 200, schema: z.object({ items: z.array(membership) }) },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      await participantFor(deps, actor, params.id, 'read');
      return showFamilyHistory(deps, actor, params.id);
    },
  });
}
