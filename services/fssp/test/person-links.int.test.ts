import { randomUUID } from 'node:crypto';
import { PersonLinked, PersonUnlinked } from '@hearth/events';
import { participantIdsOfPerson } from '@hearth/people';
import { apiClient, rowCounts, startServiceForTest, type TestService } from '@hearth/testkit';
import { fssp } from '../src/app';
import { fsspEnv } from '../src/config';
import { NOW, enrollmentOf, organization, participantOf, refusalCheck } from './fixtures';

/** "One open FSSP per participant" counts a person once when intake links two records of them. */
let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(fssp, fsspEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const written = () => rowCounts(service.pool, ['plans', 'plan_members', 'outbox']);
const expectRefused = refusalCheck(written);

/** Two records of one person at one organization, each entered alone with an enrollment. */
async function twoRecords() {
  const { orgId, worker } = await organization(service);
  const first = await participantOf(service, orgId);
  const second = await participantOf(service, orgId);
  return {
    orgId,
    worker,
    first,
    second,
    firstEnrollment: await enrollmentOf(service, orgId, first),
    secondEnrollment: await enrollmentOf(service, orgId, second),
  };
}

const link = (linkId: string, survivor: string, other: string) => ({
  linkId,
  personId: survivor,
  survivingParticipantId: survivor,
  participantIds: [survivor, other],
  at: NOW.toISOString(),
});

const planFor = (r: Awaited<ReturnType<typeof twoRecords>>, head: string, enrollmentId: string) =>
  apiClient(service.url, r.worker).post('/fssps', {
    headParticipantId: head,
    assessmentDate: '2026-09-01',
    enrollmentId,
  });

describe('one open FSSP per person across linked records', () => {
  test('a second open FSSP on the linked record is refused; the undo allows it again', async () => {
    const r = await twoRecords();
    expect((await planFor(r, r.first, r.firstEnrollment)).status).toBe(201);
    const linkId = randomUUID();
    await service.publish(PersonLinked, link(linkId, r.first, r.second), { orgId: r.orgId });
    expect(await participantIdsOfPerson(service.pool, r.second)).toEqual([r.second, r.first]);

    const before = await written();
    await expectRefused(
      await planFor(r, r.second, r.secondEnrollment),
      409,
      'headParticipantId',
      before,
    );

    await service.publish(PersonUnlinked, link(linkId, r.first, r.second), { orgId: r.orgId });
    expect(await participantIdsOfPerson(service.pool, r.second)).toEqual([r.second]);
    expect((await planFor(r, r.second, r.secondEnrollment)).status).toBe(201);
  });

  test('two plans created at once through the two records of one person: one 201, one 409', async () => {
    const r = await twoRecords();
    await service.publish(PersonLinked, link(randomUUID(), r.first, r.second), { orgId: r.orgId });
    const answers = await Promise.all([
      planFor(r, r.first, r.firstEnrollment),
      planFor(r, r.second, r.secondEnrollment),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });

  test('records of different people keep a plan each', async () => {
    const r = await twoRecords();
    expect((await planFor(r, r.first, r.firstEnrollment)).status).toBe(201);
    expect((await planFor(r, r.second, r.secondEnrollment)).status).toBe(201);
  });

  test('an undo delivered before its link leaves the records apart, and a redelivery changes nothing', async () => {
    const r = await twoRecords();
    const linkId = randomUUID();
    await service.publish(PersonUnlinked, link(linkId, r.first, r.second), { orgId: r.orgId });
    await service.publish(PersonLinked, link(linkId, r.first, r.second), { orgId: r.orgId });
    await service.publish(PersonLinked, link(linkId, r.first, r.second), { orgId: r.orgId });
    expect(await participantIdsOfPerson(service.pool, r.first)).toEqual([r.first]);
    expect((await planFor(r, r.first, r.firstEnrollment)).status).toBe(201);
    expect((await planFor(r, r.second, r.secondEnrollment)).status).toBe(201);
  });
});
