import { ReferralCreated, ReferralReleaseChanged } from '@hearth/events';
import { apiClient, outboxEvents, startServiceForTest, type TestService } from '@hearth/testkit';
import { referrals } from '../src/app';
import { referralsEnv } from '../src/config';
import { NOW, TODAY, agency, participantOf, provider, referralBody } from './fixtures';

/** What intake makes the receiver's read-only release from: the categories, in the events. */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const as = (actor: Parameters<typeof apiClient>[1]) => apiClient(service.url, actor);

async function referral(releasedCategories: string[]) {
  const sender = await agency(service, 'Sender');
  const receiver = await provider(service, ['legal_aid'], 'Receiver');
  const participantId = await participantOf(service, sender.caseworker);
  const made = await as(sender.caseworker).post(
    '/referrals',
    referralBody(participantId, receiver.orgId, { releasedCategories }),
  );
  expect(made.status).toBe(201);
  return { sender, id: made.body.id as string };
}
const created = async (referralId: string) =>
  (await outboxEvents(service.pool, ReferralCreated)).filter(
    (e) => e.data.referralId === referralId,
  );
const releaseChanges = async (referralId: string) =>
  (await outboxEvents(service.pool, ReferralReleaseChanged)).filter(
    (e) => e.data.referralId === referralId,
  );

describe("the referral's released categories in its events", () => {
  it('are announced with the new referral', async () => {
    const { id } = await referral(['identifying', 'household']);
    const [event] = await created(id);
    expect(event.version).toBe(2);
    expect(event.data.releasedCategories).toEqual(['identifying', 'household']);
  });

  it('are announced again when the sender changes them or the referral date, with the new version', async () => {
    const { sender, id } = await referral(['identifying']);
    const edit = (body: object, version: number) =>
      as(sender.caseworker).patch(`/referrals/${id}`, { version, ...body });
    expect((await edit({ releasedCategories: [] }, 1)).status).toBe(200);
    expect((await edit({ comment: 'Called the provider' }, 2)).status).toBe(200);
    expect((await edit({ referralDate: '2026-06-10' }, 3)).status).toBe(200);
    const changes = await releaseChanges(id);
    // the comment alone changes nothing intake keeps
    expect(
      changes.map((e) => [e.data.version, e.data.referralDate, e.data.releasedCategories]),
    ).toEqual([
      [2, TODAY, []],
      [4, '2026-06-10', []],
    ]);
  });
});
