import { randomUUID } from 'node:crypto';
import { ServiceDeleted, ServiceRecorded, ServiceUpdated } from '@hearth/events';
import { apiClient, outboxEvents, startServiceForTest, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, TODAY, enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** A participant enrolled in a program whose catalog has a type with these rules. */
async function enrolled(typeRules = {}) {
  const org = organization();
  const programId = randomUUID();
  const participantId = await participantOf(service, org.orgId);
  const enrollment = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    headParticipantId: participantId,
  });
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId, typeRules);
  const body = { participantId, enrollmentId: enrollment.enrollmentId, serviceTypeId };
  return { ...org, body };
}

const eventOf = async (
  definition: typeof ServiceRecorded | typeof ServiceUpdated | typeof ServiceDeleted,
  serviceId: string,
) => (await outboxEvents(service.pool, definition)).find((e) => e.data.serviceId === serviceId);

test("a training type's service is announced as a training when recorded, edited and deleted", async () => {
  const s = await enrolled({ dated: true, training: true });
  const client = apiClient(service.url, s.worker);
  const recorded = await client.post('/services', {
    ...s.body,
    serviceDate: TODAY,
    startDate: '2026-03-01',
    targetEndDate: '2026-06-30',
    status: 'started',
  });
  expect(recorded.status).toBe(201);
  expect((await eventOf(ServiceRecorded, recorded.body.id))?.data.category).toBe('training');

  const edited = await client.patch(`/services/${recorded.body.id}`, {
    version: 1,
    serviceDate: '2026-03-09',
  });
  expect(edited.status).toBe(200);
  expect((await eventOf(ServiceUpdated, recorded.body.id))?.data.category).toBe('training');

  expect((await client.delete(`/services/${recorded.body.id}`)).status).toBe(204);
  expect((await eventOf(ServiceDeleted, recorded.body.id))?.data.category).toBe('training');
});

test('a service of a type with no category is announced with category null', async () => {
  const s = await enrolled();
  const recorded = await apiClient(service.url, s.worker).post('/services', {
    ...s.body,
    serviceDate: TODAY,
  });
  expect(recorded.status).toBe(201);
  expect((await eventOf(ServiceRecorded, recorded.body.id))?.data.category).toBeNull();
});

test('an event published before the category was carried still parses', () => {
  const older = {
    serviceId: randomUUID(),
    participantId: randomUUID(),
    enrollmentId: randomUUID(),
    serviceTypeId: randomUUID(),
    serviceDate: '2026-03-01',
    startsParticipation: true,
    qualifying: true,
  };
  expect(ServiceRecorded.data.parse(older)).toEqual(older);
});
