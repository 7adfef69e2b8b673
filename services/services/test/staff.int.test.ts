import { randomUUID } from 'node:crypto';
import { UserUpdated } from '@hearth/events';
import {
  apiClient,
  publishAndWait,
  rowCounts,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { nextVersion, organizationIn, orgUserIn } from './directory-fixtures';
import { NOW, TODAY, enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

type Answer = Awaited<ReturnType<ReturnType<typeof apiClient>['post']>>;
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** An organization with a data-entry worker, a participant enrolled, and a service to record. */
async function enrolled() {
  const org = organization();
  await organizationIn(service, org.orgId, 'America/Chicago');
  const dataEntry = testActor({ orgId: org.orgId, roles: ['data_entry'] });
  const programId = randomUUID();
  const participantId = await participantOf(service, org.orgId);
  const enrollment = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    headParticipantId: participantId,
  });
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId);
  const body = {
    participantId,
    enrollmentId: enrollment.enrollmentId,
    serviceTypeId,
    serviceDate: TODAY,
  };
  return { ...org, dataEntry, body };
}

const tables = ['services', 'outbox'];

async function nothingWritten(answer: () => Promise<Answer>) {
  const before = await rowCounts(service.pool, tables);
  const result = await answer();
  expect(await rowCounts(service.pool, tables)).toEqual(before);
  return result;
}

describe('the staff who provided a service', () => {
  test('is the actor when none is named, and may be named as themself', async () => {
    const s = await enrolled();
    const client = apiClient(service.url, s.worker);
    expect((await client.post('/services', s.body)).body.staffUserId).toBe(s.worker.userId);
    const named = await client.post('/services', { ...s.body, staffUserId: s.worker.userId });
    expect(named.status).toBe(201);
    expect(named.body.staffUserId).toBe(s.worker.userId);
  });

  test('a data-entry worker names an active user of the organization', async () => {
    const s = await enrolled();
    const colleague = await orgUserIn(service, s.orgId, { name: 'Casey Worker' });
    const answer = await apiClient(service.url, s.dataEntry).post('/services', {
      ...s.body,
      staffUserId: colleague.userId,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.staffUserId).toBe(colleague.userId);
    const { rows } = await service.pool.query(
      'SELECT staff_user_id, created_by FROM services WHERE id = $1',
      [answer.body.id],
    );
    expect(rows[0]).toEqual({ staff_user_id: colleague.userId, created_by: s.dataEntry.userId });
  });

  test.each([
    ['unknown to the organization', async () => randomUUID()],
    ['of another organization', async () => (await orgUserIn(service, randomUUID())).userId],
  ])('a user %s is a 422 naming staffUserId, nothing written', async (_what, userOf) => {
    const s = await enrolled();
    const staffUserId = await userOf();
    const answer = await nothingWritten(() =>
      apiClient(service.url, s.dataEntry).post('/services', { ...s.body, staffUserId }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { field: 'staffUserId', message: 'Not an active user of your organization' },
    ]);
  });

  test('a user removed from the organization (inactive) is a 422 naming staffUserId', async () => {
    const s = await enrolled();
    const gone = await orgUserIn(service, s.orgId);
    await publishAndWait(service, UserUpdated, {
      ...gone,
      roles: [],
      active: false,
      version: nextVersion(),
    });
    const answer = await nothingWritten(() =>
      apiClient(service.url, s.dataEntry).post('/services', {
        ...s.body,
        staffUserId: gone.userId,
      }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'staffUserId' })]);
  });

  test('anyone without the data_entry role naming another user is a 403, even an active colleague', async () => {
    const s = await enrolled();
    const colleague = await orgUserIn(service, s.orgId);
    for (const actor of [s.worker, s.supervisor]) {
      const answer = await nothingWritten(() =>
        apiClient(service.url, actor).post('/services', {
          ...s.body,
          staffUserId: colleague.userId,
        }),
      );
      expect(answer.status).toBe(403);
    }
  });

  test('a staffUserId that is no uuid is a 400 naming it', async () => {
    const s = await enrolled();
    const answer = await nothingWritten(() =>
      apiClient(service.url, s.dataEntry).post('/services', { ...s.body, staffUserId: 'casey' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'staffUserId' })]);
  });

  describe('on an edit', () => {
    test('a data-entry worker names another active user; the version rises', async () => {
      const s = await enrolled();
      const [first, second] = [
        await orgUserIn(service, s.orgId),
        await orgUserIn(service, s.orgId),
      ];
      const client = apiClient(service.url, s.dataEntry);
      const saved = await client.post('/services', { ...s.body, staffUserId: first.userId });
      const edited = await client.patch(`/services/${saved.body.id}`, {
        version: 1,
        staffUserId: second.userId,
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ staffUserId: second.userId, version: 2 });
    });

    test('without the role, naming another user is a 403 and the record is unchanged', async () => {
      const s = await enrolled();
      const colleague = await orgUserIn(service, s.orgId);
      const client = apiClient(service.url, s.worker);
      const saved = await client.post('/services', s.body);
      const edited = await nothingWritten(() =>
        client.patch(`/services/${saved.body.id}`, { version: 1, staffUserId: colleague.userId }),
      );
      expect(edited.status).toBe(403);
      expect((await client.get(`/services/${saved.body.id}`)).body).toMatchObject({
        staffUserId: s.worker.userId,
        version: 1,
      });
    });

    test('staff who left stay on their records: an edit of another field keeps them', async () => {
      const s = await enrolled();
      const leaving = await orgUserIn(service, s.orgId);
      const client = apiClient(service.url, s.dataEntry);
      const saved = await client.post('/services', { ...s.body, staffUserId: leaving.userId });
      await publishAndWait(service, UserUpdated, {
        ...leaving,
        roles: [],
        active: false,
        version: nextVersion(),
      });
      const edited = await client.patch(`/services/${saved.body.id}`, {
        version: 1,
        comment: 'Follow-up call',
      });
      expect(edited.status).toBe(200);
      expect(edited.body.staffUserId).toBe(leaving.userId);
      const renamed = await client.patch(`/services/${saved.body.id}`, {
        version: 2,
        staffUserId: randomUUID(),
      });
      expect(renamed.status).toBe(422);
      expect(renamed.body.errors).toEqual([expect.objectContaining({ field: 'staffUserId' })]);
    });
  });
});
