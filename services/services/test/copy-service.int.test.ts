import { randomUUID } from 'node:crypto';
import { ServiceRecorded } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, enrollmentOf, goalOf, organization, participantOf, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/**
 * A participant in three programs of one organization, each with a "Tutoring" type (the third
 * program's asks for a comment), and a service of 2026-03-01 on the first enrollment.
 */
async function enrolledThrice() {
  const org = organization();
  const participantId = await participantOf(service, org.orgId);
  const programs = [randomUUID(), randomUUID(), randomUUID()];
  const enrollments = [];
  for (const programId of programs)
    enrollments.push(
      (
        await enrollmentOf(service, {
          orgId: org.orgId,
          programId,
          headParticipantId: participantId,
        })
      ).enrollmentId,
    );
  const types = [
    await serviceTypeOf(service, org.supervisor, programs[0], { name: 'Tutoring' }),
    await serviceTypeOf(service, org.supervisor, programs[1], { name: 'Tutoring' }),
    await serviceTypeOf(service, org.supervisor, programs[2], {
      name: 'Tutoring',
      requiresComment: true,
    }),
  ];
  const client = apiClient(service.url, org.worker);
  const { goalId } = await goalOf(service, org.orgId, [participantId]);
  const original = await client.post('/services', {
    participantId,
    enrollmentId: enrollments[0],
    serviceTypeId: types[0],
    serviceDate: '2026-03-01',
    goalId,
  });
  expect(original.status).toBe(201);
  return { ...org, participantId, programs, enrollments, types, client, original: original.body };
}

test("a copy is a new service on the other enrollment, of its program's type of the same name", async () => {
  const s = await enrolledThrice();
  const copy = await s.client.post(`/services/${s.original.id}/copies`, {
    enrollmentId: s.enrollments[1],
  });
  expect(copy.status).toBe(201);
  expect(copy.body).toMatchObject({
    participantId: s.participantId,
    enrollmentId: s.enrollments[1],
    serviceTypeId: s.types[1],
    serviceDate: '2026-03-01',
    goalId: s.original.goalId,
    staffUserId: s.original.staffUserId,
    copiedFromId: s.original.id,
    version: 1,
  });
  expect(copy.body.id).not.toBe(s.original.id);
  const [event] = (await outboxEvents(service.pool, ServiceRecorded)).filter(
    (e) => e.data.serviceId === copy.body.id,
  );
  expect(event.data).toMatchObject({ enrollmentId: s.enrollments[1], serviceTypeId: s.types[1] });
});

test('a copy of a copy points to the original', async () => {
  const s = await enrolledThrice();
  const copy = await s.client.post(`/services/${s.original.id}/copies`, {
    enrollmentId: s.enrollments[1],
  });
  const again = await s.client.post(`/services/${copy.body.id}/copies`, {
    enrollmentId: s.enrollments[0],
  });
  expect(again.status).toBe(201);
  expect(again.body.copiedFromId).toBe(s.original.id);
});

test('editing the original does not change the copy', async () => {
  const s = await enrolledThrice();
  const copy = await s.client.post(`/services/${s.original.id}/copies`, {
    enrollmentId: s.enrollments[1],
  });
  const edited = await s.client.patch(`/services/${s.original.id}`, {
    version: 1,
    serviceDate: '2026-03-05',
  });
  expect(edited.status).toBe(200);
  const read = await s.client.get(`/services/${copy.body.id}`);
  expect(read.body).toMatchObject({ serviceDate: '2026-03-01', version: 1 });
});

test("the copy meets the target type's rules: a comment it requires is a 422, nothing written", async () => {
  const s = await enrolledThrice();
  const before = await rowCounts(service.pool, ['services', 'outbox']);
  const answer = await s.client.post(`/services/${s.original.id}/copies`, {
    enrollmentId: s.enrollments[2],
  });
  expect(answer.status).toBe(422);
  expect(answer.body.errors[0].field).toBe('comment');
  expect(await rowCounts(service.pool, ['services', 'outbox'])).toEqual(before);
});

test("a target without a type of the same name, the same enrollment, or another participant's is a 422 on enrollmentId", async () => {
  const s = await enrolledThrice();
  const programId = randomUUID();
  const other = await enrollmentOf(service, {
    orgId: s.orgId,
    programId,
    headParticipantId: s.participantId,
  });
  await serviceTypeOf(service, s.supervisor, programId, { name: 'Counselling' });
  const someoneElse = await enrollmentOf(service, {
    orgId: s.orgId,
    programId: s.programs[1],
    headParticipantId: await participantOf(service, s.orgId),
  });
  for (const enrollmentId of [
    other.enrollmentId,
    s.enrollments[0],
    someoneElse.enrollmentId,
    randomUUID(),
  ]) {
    const answer = await s.client.post(`/services/${s.original.id}/copies`, { enrollmentId });
    expect(answer.status).toBe(422);
    expect(answer.body.errors[0].field).toBe('enrollmentId');
  }
});

test('a target enrollment not active on the service date is a 422', async () => {
  const s = await enrolledThrice();
  const late = await enrollmentOf(service, {
    orgId: s.orgId,
    programId: s.programs[1],
    headParticipantId: s.participantId,
    applicationDate: '2026-03-05',
  });
  const answer = await s.client.post(`/services/${s.original.id}/copies`, {
    enrollmentId: late.enrollmentId,
  });
  expect(answer.status).toBe(422);
  expect(answer.body.errors[0].field).toBe('serviceDate');
});

test('another organization cannot copy the service: 404 when it cannot see the participant', async () => {
  const s = await enrolledThrice();
  const stranger = apiClient(service.url, organization().worker);
  const answer = await stranger.post(`/services/${s.original.id}/copies`, {
    enrollmentId: s.enrollments[1],
  });
  expect(answer.status).toBe(404);
  const unknown = await s.client.post(`/services/${randomUUID()}/copies`, {
    enrollmentId: s.enrollments[1],
  });
  expect(unknown.status).toBe(404);
});

test('a partner reading the service through a release may not copy it: 403', async () => {
  const owner = organization();
  const partner = organization();
  const programId = randomUUID();
  const participantId = await participantOf(service, owner.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: partner.orgId, beginDate: '2026-01-01', endDate: '2026-12-31' }],
  });
  const ours = await enrollmentOf(service, {
    orgId: owner.orgId,
    programId,
    headParticipantId: participantId,
  });
  const theirs = await enrollmentOf(service, {
    orgId: partner.orgId,
    programId: randomUUID(),
    headParticipantId: participantId,
  });
  const serviceTypeId = await serviceTypeOf(service, owner.supervisor, programId, {
    name: 'Tutoring',
  });
  const original = await apiClient(service.url, owner.worker).post('/services', {
    participantId,
    enrollmentId: ours.enrollmentId,
    serviceTypeId,
    serviceDate: '2026-03-01',
  });
  const answer = await apiClient(service.url, partner.worker).post(
    `/services/${original.body.id}/copies`,
    { enrollmentId: theirs.enrollmentId },
  );
  expect(answer.status).toBe(403);
});
