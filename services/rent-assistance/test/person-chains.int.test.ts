import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { PersonLinked, PersonUnlinked } from '@hearth/events';
import {
  apiClient,
  sharedParticipant,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, raEnrollment, referral, service as recordService } from './fixtures';

/**
 * A chain of links (A–B and C–B, intake's person links through libs/people) makes three records one
 * person: the records list shows all three from any id and the hub's measures count them once.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const linkOf = (a: string, b: string) => ({
  linkId: randomUUID(),
  personId: a,
  survivingParticipantId: a,
  participantIds: [a, b],
  at: NOW.toISOString(),
});

describe('rent-assistance records of a person linked through a chain', () => {
  let first: Awaited<ReturnType<typeof referral>>; // released to the hub
  const others: { participantId: string; enrollmentId: string }[] = []; // the coach's alone
  let thirdLink: ReturnType<typeof linkOf>;

  beforeAll(async () => {
    first = await referral(service, { applicationDate: '2026-07-01' });
    for (const applicationDate of ['2026-08-01', '2026-09-01']) {
      const participantId = await sharedParticipant(service.pool, first.coachOrgId);
      const enrollmentId = await raEnrollment(service, first.coachOrgId, participantId, {
        serviceProviderOrgId: first.hubOrgId,
        applicationDate,
      });
      others.push({ participantId, enrollmentId });
    }
  });

  const records = (actor: Actor, participantId: string) =>
    apiClient(service.url, actor).get(`/rent-assistance/participants/${participantId}/records`);
  async function listed(actor: Actor, participantId: string) {
    const answer = await records(actor, participantId);
    expect(answer.status).toBe(200);
    return answer.body.items.map((r: { enrollmentId: string }) => r.enrollmentId);
  }

  test('any of the three ids lists the three records’ RA records, latest application first', async () => {
    const [second, third] = others;
    await service.publish(PersonLinked, linkOf(first.participantId, second!.participantId), {
      orgId: first.coachOrgId,
    });
    thirdLink = linkOf(third!.participantId, second!.participantId);
    await service.publish(PersonLinked, thirdLink, { orgId: first.coachOrgId });
    const all = [third!.enrollmentId, second!.enrollmentId, first.enrollmentId];
    for (const id of [first.participantId, second!.participantId, third!.participantId])
      expect(await listed(first.coach, id)).toEqual(all);
  });

  test('the hub, released only the first record, lists its RA records alone', async () => {
    expect(await listed(first.hub, first.participantId)).toEqual([first.enrollmentId]);
    expect((await records(first.hub, others[1]!.participantId)).status).toBe(404);
  });

  test('undoing one link of the chain splits that record off; the other link holds', async () => {
    const [second, third] = others;
    await service.publish(PersonUnlinked, thirdLink, { orgId: first.coachOrgId });
    expect(await listed(first.coach, third!.participantId)).toEqual([third!.enrollmentId]);
    expect(await listed(first.coach, first.participantId)).toEqual([
      second!.enrollmentId,
      first.enrollmentId,
    ]);
  });
});

test("the hub's measures count a person served through a chain of three linked records once", async () => {
  const one = await referral(service);
  const served3 = [one, await referral(service, { hubOrgId: one.hubOrgId })];
  served3.push(await referral(service, { hubOrgId: one.hubOrgId }));
  for (const r of served3) await recordService(service, r, 'housing_support', '2026-05-01');
  const hub = apiClient(service.url, one.hub);
  const served = async () =>
    (await hub.get('/rent-assistance/measures?from=2026-01-01&to=2026-09-10')).body
      .servedWithRrhOrHp;
  expect(await served()).toBe(3);
  // the greatest id in the middle: one hop from each end reaches different least ids, so only
  // following the chain counts the three as one
  const [low, mid, high] = served3.map((r) => r.participantId).sort();
  await service.publish(PersonLinked, linkOf(low!, high!), { orgId: one.coachOrgId });
  const second = linkOf(mid!, high!);
  await service.publish(PersonLinked, second, { orgId: one.coachOrgId });
  expect(await served()).toBe(1);
  await service.publish(PersonUnlinked, second, { orgId: one.coachOrgId });
  expect(await served()).toBe(2);
});
