import { randomUUID } from 'node:crypto';
import { ServiceDeleted, ServiceUpdated } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** A service recorded on 2026-03-01 for a participant shared with a partner by an active release. */
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
  const commented = await serviceTypeOf(service, owner.supervisor, programId, {
    requiresComment: true,
    startsParticipation: false,
  });
  const answer = await apiClient(service.url, owner.worker).post('/services', {
    participantId,
    enrollmentId: enrollment.enrollmentId,
    serviceTypeId,
    serviceDate: '2026-03-01',
  });
  expect(answer.status).toBe(201);
  return { owner, partner, programId, commented, id: answer.body.id as string };
}

const eventsOf = async (definition: typeof ServiceUpdated | typeof ServiceDeleted, id: string) =>
  (await outboxEvents(service.pool, definition)).filter((e) => e.data.serviceId === id);

test('an edit of the version read moves it on and announces the record as it now stands', async () => {
  const s = await recorded();
  const answer = await apiClient(service.url, s.owner.worker).patch(`/services/${s.id}`, {
    version: 1,
    serviceDate: '2026-03-02',
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ serviceDate: '2026-03-02', version: 2 });
  const [event] = await eventsOf(ServiceUpdated, s.id);
  expect(event.data).toMatchObject({
    serviceDate: '2026-03-02',
    version: 2,
    startsParticipation: true,
    qualifying: true,
  });
});

test('a stale version is a 409 on version, and nothing changes', async () => {
  const s = await recorded();
  const client = apiClient(service.url, s.owner.worker);
  await client.patch(`/services/${s.id}`, { version: 1, serviceDate: '2026-03-02' });
  const stale = await client.patch(`/services/${s.id}`, { version: 1, serviceDate: '2026-03-03' });
  expect(stale.status).toBe(409);
  expect(stale.body.errors[0].field).toBe('version');
  expect((await client.get(`/services/${s.id}`)).body.serviceDate).toBe('2026-03-02');
});

test('the edited record meets every rule: a future date or a type wanting a comment is a 422', async () => {
  const s = await recorded();
  const client = apiClient(service.url, s.owner.worker);
  const before = await rowCounts(service.pool, ['outbox']);
  const future = await client.patch(`/services/${s.id}`, { version: 1, serviceDate: '2026-03-11' });
  expect(future.status).toBe(422);
  expect(future.body.errors[0].field).toBe('serviceDate');
  const noComment = await client.patch(`/services/${s.id}`, {
    version: 1,
    serviceTypeId: s.commented,
  });
  expect(noComment.status).toBe(422);
  expect(noComment.body.errors[0].field).toBe('comment');
  expect(await rowCounts(service.pool, ['outbox'])).toEqual(before);
  const withComment = await client.patch(`/services/${s.id}`, {
    version: 1,
    serviceTypeId: s.commented,
    comment: 'See Case Note',
  });
  expect(withComment.status).toBe(200);
  const [event] = await eventsOf(ServiceUpdated, s.id);
  expect(event.data).toMatchObject({ serviceTypeId: s.commented, startsParticipation: false });
});

test('a partner with an active release reads the service but may not edit or delete it: 403', async () => {
  const s = await recorded();
  const partner = apiClient(service.url, s.partner.worker);
  expect((await partner.get(`/services/${s.id}`)).status).toBe(200);
  expect((await partner.patch(`/services/${s.id}`, { version: 1, comment: 'x' })).status).toBe(403);
  expect((await partner.delete(`/services/${s.id}`)).status).toBe(403);
});

test('an organization that cannot see the participant is answered 404 on edit and delete', async () => {
  const s = await recorded();
  const stranger = apiClient(service.url, organization().worker);
  expect((await stranger.patch(`/services/${s.id}`, { version: 1, comment: 'x' })).status).toBe(
    404,
  );
  expect((await stranger.delete(`/services/${s.id}`)).status).toBe(404);
});

test('a deleted service is kept, marked, announced, and gone from reads and lists', async () => {
  const s = await recorded();
  const client = apiClient(service.url, s.owner.worker);
  const found = await client.get(`/services/${s.id}`);
  expect((await client.delete(`/services/${s.id}`)).status).toBe(204);
  expect((await client.get(`/services/${s.id}`)).status).toBe(404);
  const list = await client.get(`/services?participantId=${found.body.participantId}`);
  expect(list.body.items).toEqual([]);
  const row = await service.pool.query('SELECT deleted_by FROM services WHERE id = $1', [s.id]);
  expect(row.rows[0].deleted_by).toBe(s.owner.worker.userId);
  const events = await eventsOf(ServiceDeleted, s.id);
  expect(events).toHaveLength(1);
  expect(events[0].data).toMatchObject({ serviceDate: '2026-03-01', version: 1 });
  expect((await client.delete(`/services/${s.id}`)).status).toBe(404);
});

test('an unknown field in an edit is a 400, never a 500', async () => {
  const s = await recorded();
  const answer = await apiClient(service.url, s.owner.worker).patch(`/services/${s.id}`, {
    version: 1,
    participantId: randomUUID(),
  });
  expect(answer.status).toBe(400);
});

test('two edits of the same version at once: one wins, the other is a 409', async () => {
  const s = await recorded();
  const client = apiClient(service.url, s.owner.worker);
  const answers = await Promise.all(
    ['2026-03-02', '2026-03-03'].map((serviceDate) =>
      client.patch(`/services/${s.id}`, { version: 1, serviceDate }),
    ),
  );
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  expect(await eventsOf(ServiceUpdated, s.id)).toHaveLength(1);
});
