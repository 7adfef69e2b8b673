import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, uuid, type Api } from '@hearth/http';
import { enrollmentFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { addMember } from '../use-cases/add-member';
import { removeMember } from '../use-cases/remove-member';
import { enrollmentView } from '../use-cases/show-enrollment';
import { enrollmentView as viewSchema, memberRequest } from './schemas';

const memberParams = z.strictObject({ id: uuid(), participantId: uuid() });

export function memberRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/members',
    summary: "Add a member of the head's family; an ineligible one needs an override reason",
    tag: 'enrollments',
    params: z.strictObject({ id: uuid() }),
    body: memberRequest,
    success: { status: 201, schema: viewSchema },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const { enrollment } = await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      const updated = await addMember(deps, actor, enrollment, body);
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'delete',
    path: '/enrollments/:id/members/:participantId',
    summary: 'Remove a member (not the head); the membership stays in the history',
    tag: 'enrollments',
    params: memberParams,
    success: { status: 200, schema: viewSchema },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const { enrollment } = await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      const updated = await removeMember(deps, actor, enrollment, params.participantId);
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });
}
