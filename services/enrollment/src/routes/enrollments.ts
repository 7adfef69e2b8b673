import { roleAllows } from '@hearth/access';
import { actorOf } from '@hearth/auth';
import { defineRoute, forbidden, idParams, page, type Api } from '@hearth/http';
import { enrollmentFor, participantFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { editEnrollment } from '../use-cases/edit-enrollment';
import { enrollHousehold } from '../use-cases/enroll-household';
import { listEnrollments } from '../use-cases/list-enrollments';
import { enrollmentView } from '../use-cases/show-enrollment';
import * as s from './schemas';

export function enrollmentRoutes(api: Api, deps: EnrollmentDeps) {
  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments',
    summary: 'Enroll a head of enrollment and family members into one of your programs',
    tag: 'enrollments',
    body: s.newEnrollment,
    success: { status: 201, schema: s.enrollmentView },
    handler: async ({ body, req, res }) => {
      const actor = actorOf(req);
      if (!roleAllows(actor, 'write')) throw forbidden('Your role cannot enroll participants.');
      const now = deps.clock();
      const created = await enrollHousehold(deps, actor, body);
      res.location(`/api/v1/enrollments/${created.id}`);
      return enrollmentView(deps.pool, actor, created, now);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments',
    summary: "A participant's enrollments, current and past, at every organization sharing allows",
    tag: 'enrollments',
    query: s.enrollmentQuery,
    success: { status: 200, schema: page(s.enrollmentSummary) },
    handler: async ({ query, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await participantFor(deps.pool, actor, query.participantId, 'read', now);
      const listed = await listEnrollments(deps, actor, {
        participantId: query.participantId,
        limit: query.limit,
        after: s.enrollmentCursor.decode(query.cursor),
      });
      const last = listed.items[listed.items.length - 1];
      return {
        items: listed.items,
        nextCursor: listed.more ? s.enrollmentCursor.encode(s.positionOf(last)) : null,
      };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments/:id',
    summary:
      'An enrollment with its members, their eligibility, registration results and status history',
    tag: 'enrollments',
    params: idParams,
    success: { status: 200, schema: s.enrollmentView },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const { enrollment } = await enrollmentFor(deps.pool, actor, params.id, 'read', now);
      return enrollmentView(deps.pool, actor, enrollment, now);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/enrollments/:id',
    summary: 'Change the application date or registration answers (null clears an answer)',
    tag: 'enrollments',
    params: idParams,
    body: s.enrollmentChanges,
    success: { status: 200, schema: s.enrollmentView },
    handler: async ({ params, body, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      const { head } = await enrollmentFor(deps.pool, actor, params.id, 'write', now);
      const updated = await editEnrollment(deps, actor, head, params.id, body);
      return enrollmentView(deps.pool, actor, updated, now);
    },
  });
}
