import { z } from 'zod';
import { actorOf } from '@hearth/auth';
import { defineRoute, idParams, notFound, type Api } from '@hearth/http';
import { enrollmentFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { outcomeHolderFor } from '../outcome-access';
import { findEmployment } from '../store/employments';
import { recordConfirmation } from '../use-cases/record-confirmation';
import { addPayEntry, changeEmployment, recordEmployment } from '../use-cases/record-employment';
import { employmentViews, employmentsSeenBy } from '../use-cases/show-employments';
import {
  confirmationView,
  employmentChanges,
  employmentView,
  jobParams,
  newConfirmation,
  newEmployment,
  newPayEntry,
  payEntryView,
} from './workforce-schemas';

/** Jobs of an enrollment's participants: details, pay history (by effective date), confirmations. */
export function employmentRoutes(api: Api, deps: EnrollmentDeps) {
  // the job's holder must be someone the actor may change records of, in the job's enrollment
  const jobFor = async (req: Parameters<typeof actorOf>[0], id: string, employmentId: string) => {
    const actor = actorOf(req);
    const now = deps.clock();
    // the enrollment's gate first: a hidden enrollment never tells whether the job exists
    await enrollmentFor(deps.pool, actor, id, 'write', now);
    const job = await findEmployment(deps.pool, id, employmentId);
    if (!job) throw notFound('The employment');
    const { enrollment } = await outcomeHolderFor(
      deps.pool,
      actor,
      id,
      job.participantId,
      'write',
      now,
    );
    return { actor, enrollment, job };
  };

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/employments',
    summary: 'Record a job a participant of the enrollment obtained (in program or after exit)',
    tag: 'outcomes',
    params: idParams,
    body: newEmployment,
    success: { status: 201, schema: employmentView },
    handler: async ({ params, body, req, res }) => {
      const actor = actorOf(req);
      const { enrollment } = await outcomeHolderFor(
        deps.pool,
        actor,
        params.id,
        body.participantId,
        'write',
        deps.clock(),
      );
      const job = await recordEmployment(deps, actor, enrollment, body);
      res.location(`/api/v1/enrollments/${params.id}/employments`);
      return (await employmentViews(deps.pool, [job]))[0];
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'get',
    path: '/enrollments/:id/employments',
    summary: "The enrollment's jobs you may read, with pay history and confirmations",
    tag: 'outcomes',
    params: idParams,
    query: z.strictObject({}),
    success: { status: 200, schema: z.object({ items: z.array(employmentView) }) },
    handler: async ({ params, req }) => {
      const actor = actorOf(req);
      const now = deps.clock();
      await enrollmentFor(deps.pool, actor, params.id, 'read', now);
      return { items: await employmentsSeenBy(deps.pool, actor, params.id, now) };
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'patch',
    path: '/enrollments/:id/employments/:employmentId',
    summary: "Change a job's details or dates (its end date when it ends)",
    tag: 'outcomes',
    params: jobParams,
    body: employmentChanges,
    success: { status: 200, schema: employmentView },
    handler: async ({ params, body, req }) => {
      const { actor, enrollment } = await jobFor(req, params.id, params.employmentId);
      const job = await changeEmployment(deps, actor, enrollment, params.employmentId, body);
      return (await employmentViews(deps.pool, [job]))[0];
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/employments/:employmentId/pay-entries',
    summary: 'Add pay and benefits from an effective date (a raise is a new entry)',
    tag: 'outcomes',
    params: jobParams,
    body: newPayEntry,
    success: { status: 201, schema: payEntryView },
    handler: async ({ params, body, req }) => {
      const { actor, enrollment } = await jobFor(req, params.id, params.employmentId);
      return addPayEntry(deps, actor, enrollment, params.employmentId, body);
    },
  });

  defineRoute(api.router, api.registry, {
    method: 'post',
    path: '/enrollments/:id/employments/:employmentId/confirmations',
    summary: 'Confirm the job (before exit, at exit, or in its quarter 1 to 4 after exit)',
    tag: 'outcomes',
    params: jobParams,
    body: newConfirmation,
    success: { status: 201, schema: confirmationView },
    handler: async ({ params, body, req }) => {
      const { actor } = await jobFor(req, params.id, params.employmentId);
      return recordConfirmation(deps, actor, params.id, params.employmentId, body);
    },
  });
}
