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
 * A participant's RA records list a person linked in intake together (libs/people), and the hub's
 * measures count the person once. No payment rule counts a person's records (a cap is a plan's).
 */
let service: TestService;
let first: Awaited<ReturnType<typeof referral>>; // the hub sees it through a release
let second: { participantId: string; enrollmentId: string }; // the coach's organization alone

beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
  first = await referral(service, { applicationDate: '2026-08-01' });
  const participantId = await sharedParticipant(service.pool, first.coachOrgId);
  const enrollmentId = await raEnrollment(service, first.coachOrgId, participantId, {
    serviceProviderOrgId: first.hubOrgId,
    applicationDate: '2026-09-01',
  });
  second = { participantId, enrollmentId };
});
afterAll(() => service?.close());

const linkId = randomUUID();
const link = () => ({
  linkId,
  personId: first.participantId,
  survivingParticipantId: first.participantId,
  participantIds: [first.participantId, second.participantId],
  at: NOW.toISOString(),
});
const records = (actor: Actor, participantId: string) =>
  apiClient(service.url, actor).get(`/rent-assistance/participants/${participantId}/records`);
async function listed(actor: Actor, participantId: string) {
  const answer = await records(actor, participantId);
  expect(answer.status).toBe(200);
  return answer.body.items.map((r: { enrollmentId: string }) => r.enrollmentId);
}

describe('rent-assistance records of a linked person', () => {
  test('each participant record lists its own RA records before a link', async () => {
    expect(await listed(first.coach, second.participantId)).toEqual([second.enrollmentId]);
  });

  test('once linked, either id lists both records’ RA records, latest application first', async () => {
    await service.publish(PersonLinked, link(), { orgId: first.coachOrgId });
    for (const id of [first.participantId, second.participantId])
      expect(await listed(first.coach, id)).toEqual([second.enrollmentId, first.enrollmentId]);
  });

  test('a hub that sees only the released record lists its RA records alone', async () => {
    expect(await listed(first.hub, first.participantId)).toEqual([first.enrollmentId]);
    expect((await records(first.hub, second.participantId)).status).toBe(404);
  });

  test('the undo puts each record’s RA records back under it', async () => {
    await service.publish(PersonUnlinked, link(), { orgId: first.coachOrgId });
    expect(await listed(first.coach, first.participantId)).toEqual([first.enrollmentId]);
    expect(await listed(first.coach, second.participantId)).toEqual([second.enrollmentId]);
  });
});

test("the hub's measures count a person served through two linked records once", async () => {
  const one = await referral(service);
  const other = await referral(service, { hubOrgId: one.hubOrgId });
  await recordService(service, one, 'housing_support', '2026-05-01');
  await recordService(service, other, 'housing_support', '2026-06-01');
  const hub = apiClient(service.url, one.hub);
  const served = async () =>
    (await hub.get('/rent-assistance/measures?from=2026-01-01&to=2026-09-10')).body
      .servedWithRrhOrHp;
  expect(await served()).toBe(2);
  const linked = {
    ...link(),
    linkId: randomUUID(),
    participantIds: [one.participantId, other.participantId],
  };
  await service.publish(PersonLinked, linked, { orgId: one.coachOrgId });
  expect(await served()).toBe(1);
  await service.publish(PersonUnlinked, linked, { orgId: one.coachOrgId });
  expect(await served()).toBe(2);
});
