import { join } from 'node:path';
import { z } from 'zod';
import { authenticate } from '@hearth/auth';
import { serviceEnv } from '@hearth/config';
import {
  WorkflowCancelled,
  WorkflowFinished,
  WorkflowPaused,
  WorkflowResumed,
} from '@hearth/events';
import { createApp } from '@hearth/http';
import type { ServiceDefinition } from '@hearth/runtime';
import {
  apiClient,
  outboxEvents,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { defineWorkflowType, workflowMigrations, workflowRoutes } from '../src';

/** A service offering one workflow type, as intake or fssp mount theirs. */
const owner: ServiceDefinition = {
  name: 'workflow-owner',
  migrationsDir: join(__dirname, 'no-migrations'),
  sharedMigrations: [workflowMigrations],
  app: (ctx) =>
    createApp({
      service: 'workflow-owner',
      logger: ctx.logger,
      readiness: ctx.readiness,
      authenticate: authenticate(ctx.verify),
      routes: (api) =>
        workflowRoutes(api, ctx.pool, {
          types: [
            defineWorkflowType({ type: 'home-visit', steps: { notes: z.string().max(100) } }),
          ],
          participantVisible: async () => undefined,
        }),
    }),
};

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(owner, serviceEnv);
});
afterAll(() => service?.close());

const author = testActor({ roles: ['caseworker'] });

test("pausing, resuming, cancelling and finishing a draft each announce it through the owner's outbox, without its steps", async () => {
  const api = apiClient(service.url, author);
  const draft = (await api.post('/workflows/home-visit', {})).body;
  await api.put(`/workflows/home-visit/${draft.id}/steps/notes`, { data: 'Knocked twice' });
  expect((await api.post(`/workflows/home-visit/${draft.id}/pause`, {})).status).toBe(200);
  await api.post(`/workflows/home-visit/${draft.id}/resume`, {});
  await api.post(`/workflows/home-visit/${draft.id}/finish`, {});
  const other = (await api.post('/workflows/home-visit', {})).body;
  await api.post(`/workflows/home-visit/${other.id}/cancel`, {});

  const events = await outboxEvents(service.pool);
  expect(events.map((e) => [e.type, (e.data as { workflowId: string }).workflowId])).toEqual([
    [WorkflowPaused.type, draft.id],
    [WorkflowResumed.type, draft.id],
    [WorkflowFinished.type, draft.id],
    [WorkflowCancelled.type, other.id],
  ]);
  expect(events[0]).toMatchObject({
    orgId: author.orgId,
    actor: { userId: author.userId },
    data: {
      workflowType: 'home-visit',
      ownerUserId: author.userId,
      status: 'paused',
      draftVersion: 3,
    },
  });
  expect(JSON.stringify(events)).not.toContain('Knocked twice');
});

test('a refused move (pausing a paused draft) announces nothing', async () => {
  const api = apiClient(service.url, author);
  const draft = (await api.post('/workflows/home-visit', {})).body;
  await api.post(`/workflows/home-visit/${draft.id}/pause`, {});
  const before = (await outboxEvents(service.pool)).length;
  expect((await api.post(`/workflows/home-visit/${draft.id}/pause`, {})).status).toBe(409);
  expect((await outboxEvents(service.pool)).length).toBe(before);
});
