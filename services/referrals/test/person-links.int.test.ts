import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { PersonLinked, PersonUnlinked } from '@hearth/events';
import { apiClient, startServiceForTest, type TestService } from '@hearth/testkit';
import { referrals } from '../src/app';
import { referralsEnv } from '../src/config';
import { NOW, agency, participantOf, provider, referralBody } from './fixtures';

/** A participant's referrals list a person linked in intake together (libs/people). */
let service: TestService;
let sender: Awaited<ReturnType<typeof agency>>;
let receiver: Awaited<ReturnType<typeof provider>>;
let first: { participantId: string; referralId: string };
let second: { participantId: string; referralId: string };

/** A record of the sender with one referral to the receiver on `referralDate`. */
async function record(referralDate: string, restriction?: 'share_global') {
  const participantId = await participantOf(service, sender.caseworker, { restriction });
  const sent = await apiClient(service.url, sender.caseworker).post(
    '/referrals',
    referralBody(participantId, receiver.orgId, { referralDate }),
  );
  expect(sent.status).toBe(201);
  return { participantId, referralId: sent.body.id as string };
}

beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv, { clock: () => NOW });
  sender = await agency(service, 'Sender');
  receiver = await provider(service, ['legal_aid'], 'Receiver');
  first = await record('2026-06-01', 'share_global'); // the receiver sees it by its sharing
  second = await record('2026-06-10'); // the receiver reads it only through its referral
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

async function listed(actor: Actor, participantId: string) {
  const answer = await apiClient(service.url, actor).get(
    `/referrals?participantId=${participantId}`,
  );
  expect(answer.status).toBe(200);
  return answer.body.items.map((r: { id: string }) => r.id);
}

describe('referrals of a linked person', () => {
  test('each record lists its own referrals before a link', async () => {
    expect(await listed(sender.caseworker, second.participantId)).toEqual([second.referralId]);
  });

  test('once linked, either id lists both records’ referrals, newest first', async () => {
    await service.publish(PersonLinked, link(), { orgId: sender.orgId });
    for (const id of [first.participantId, second.participantId])
      expect(await listed(sender.caseworker, id)).toEqual([second.referralId, first.referralId]);
  });

  test('an organization that cannot see both records by their sharing lists each alone', async () => {
    expect(await listed(receiver.caseworker, first.participantId)).toEqual([first.referralId]);
    expect(await listed(receiver.caseworker, second.participantId)).toEqual([second.referralId]);
  });

  test('the undo puts each record’s referrals back under it', async () => {
    await service.publish(PersonUnlinked, link(), { orgId: sender.orgId });
    expect(await listed(sender.caseworker, first.participantId)).toEqual([first.referralId]);
    expect(await listed(sender.caseworker, second.participantId)).toEqual([second.referralId]);
  });
});
