import { randomUUID } from 'node:crypto';
import { apiClient, rowCounts, startServiceForTest, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, enrollmentOf, goalOf, organization, participantOf, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** A service recorded on 2026-03-01 (with a goal) for a participant shared with a partner. */
async function recorded() {
  const owner = organization();
  const partner = organization();
  const programId = randomUUID();
  const participantId = await participantOf(service, owner.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: partner.orgId, beginDate: '2026-01-01', endDate: '2026-12-31' }],
  });
  const enrollment = await enrollmentOf(service, {
    orgId: owner.orgId,
    programId,
    headParticipantId: participantId,
  });
  const serviceTypeId = await serviceTypeOf(service, owner.supervisor, programId);
  const { goalId, barrierId } = await goalOf(service, owner.orgId, [participantId]);
  const answer = await apiClient(service.url, owner.worker).post('/services', {
    participantId,
    enrollmentId: enrollment.enrollmentId,
    serviceTypeId,
    serviceDate: '2026-03-01',
    goalId,
  });
  expect(answer.status).toBe(201);
  return { owner, partner, participantId, goalId, barrierId, id: answer.body.id as string };
}

test("a goal and a barrier of the participant's plan are kept on record and edit, and null clears one", async () => {
  const s = await recorded();
  const client = apiClient(service.url, s.owner.worker);
  expect((await client.get(`/services/${s.id}`)).body).toMatchObject({
    goalId: s.goalId,
    barrierId: null,
  });
  const barrierId = s.barrierId;
  const edited = await client.patch(`/services/${s.id}`, { version: 1, goalId: null, barrierId });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ goalId: null, barrierId, version: 2 });
  expect((await client.get(`/services/${s.id}`)).body).toMatchObject({ goalId: null, barrierId });
});

test('a goal that is not a uuid is a 400 naming goalId, and nothing is written', async () => {
  const s = await recorded();
  const before = await rowCounts(service.pool, ['services', 'service_versions', 'outbox']);
  const answer = await apiClient(service.url, s.owner.worker).patch(`/services/${s.id}`, {
    version: 1,
    goalId: 'goal-1',
  });
  expect(answer.status).toBe(400);
  expect(answer.body.errors[0].field).toBe('goalId');
  expect(await rowCounts(service.pool, ['services', 'service_versions', 'outbox'])).toEqual(before);
});

test('two edits and a delete keep versions 1, 2 and 3 as they were, oldest first', async () => {
  const s = await recorded();
  const client = apiClient(service.url, s.owner.worker);
  const supervisor = apiClient(service.url, s.owner.supervisor);
  await client.patch(`/services/${s.id}`, { version: 1, serviceDate: '2026-03-02' });
  await supervisor.patch(`/services/${s.id}`, { version: 2, comment: 'Met at school' });
  expect((await client.delete(`/services/${s.id}`)).status).toBe(204);

  const history = await client.get(`/services/${s.id}/history`);
  expect(history.status).toBe(200);
  const items = history.body.items as Array<{
    version: number;
    change: string;
    changedBy: string;
    changedAt: string;
    fields: Record<string, unknown>;
  }>;
  expect(items.map((v) => [v.version, v.change, v.changedBy])).toEqual([
    [1, 'edited', s.owner.worker.userId],
    [2, 'edited', s.owner.supervisor.userId],
    [3, 'deleted', s.owner.worker.userId],
  ]);
  // each version as it stood before the change that replaced it
  expect(items.map((v) => [v.fields.serviceDate, v.fields.comment, v.fields.goalId])).toEqual([
    ['2026-03-01', null, s.goalId],
    ['2026-03-02', null, s.goalId],
    ['2026-03-02', 'Met at school', s.goalId],
  ]);
  expect(items.every((v) => v.changedAt === NOW.toISOString())).toBe(true);
});

test('a new service has no earlier versions', async () => {
  const s = await recorded();
  const history = await apiClient(service.url, s.owner.worker).get(`/services/${s.id}/history`);
  expect(history.status).toBe(200);
  expect(history.body.items).toEqual([]);
});

test('the history is read as the service is: a released partner reads it, a stranger gets 404', async () => {
  const s = await recorded();
  await apiClient(service.url, s.owner.worker).patch(`/services/${s.id}`, {
    version: 1,
    comment: 'x',
  });
  const partner = await apiClient(service.url, s.partner.worker).get(`/services/${s.id}/history`);
  expect(partner.status).toBe(200);
  expect(partner.body.items).toHaveLength(1);
  const stranger = organization();
  const denied = await apiClient(service.url, stranger.worker).get(`/services/${s.id}/history`);
  expect(denied.status).toBe(404);
  const unknown = await apiClient(service.url, s.owner.worker).get(
    `/services/${randomUUID()}/history`,
  );
  expect(unknown.status).toBe(404);
});

test('a failed edit keeps no version: the history stays as it was', async () => {
  const s = await recorded();
  const client = apiClient(service.url, s.owner.worker);
  const future = await client.patch(`/services/${s.id}`, { version: 1, serviceDate: '2026-03-11' });
  expect(future.status).toBe(422);
  expect((await client.get(`/services/${s.id}/history`)).body.items).toEqual([]);
});

test('after the release expired, the partner reads no history: 404', async () => {
  const owner = organization();
  const partner = organization();
  const programId = randomUUID();
  const participantId = await participantOf(service, owner.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: partner.orgId, beginDate: '2025-01-01', endDate: '2026-03-09' }],
  });
  const enrollment = await enrollmentOf(service, {
    orgId: owner.orgId,
    programId,
    headParticipantId: participantId,
  });
  const serviceTypeId = await serviceTypeOf(service, owner.supervisor, programId);
  const client = apiClient(service.url, owner.worker);
  const recorded = await client.post('/services', {
    participantId,
    enrollmentId: enrollment.enrollmentId,
    serviceTypeId,
    serviceDate: '2026-03-01',
  });
  await client.patch(`/services/${recorded.body.id}`, { version: 1, comment: 'x' });
  const answer = await apiClient(service.url, partner.worker).get(
    `/services/${recorded.body.id}/history`,
  );
  expect(answer.status).toBe(404);
});
