import { randomUUID } from 'node:crypto';
import {
  apiClient,
  rowCounts,
  startServiceForTest,
  type ApiAnswer,
  type TestService,
} from '@hearth/testkit';
import { referrals } from '../src/app';
import { referralsEnv } from '../src/config';
import { NOW, agency, needOf, participantOf, provider, referralBody } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** A sender with a head and a child of its own, and a provider of legal aid. */
async function household() {
  const sender = await agency(service, 'Sender');
  const receiver = await provider(service, ['legal_aid'], 'Receiver');
  const head = await participantOf(service, sender.caseworker);
  const child = await participantOf(service, sender.caseworker);
  const client = apiClient(service.url, sender.caseworker);
  const refer = (participantId: string, more: object) =>
    client.post('/referrals', referralBody(participantId, receiver.orgId, more));
  return { sender, receiver, head, child, client, refer };
}

const tables = ['referrals', 'referral_status_changes', 'outbox'];

/** Send, expect a 422 naming exactly `fields`, and prove nothing was written. */
async function refused(send: () => Promise<ApiAnswer>, fields: string[]) {
  const before = await rowCounts(service.pool, tables);
  const answer = await send();
  expect(answer.status).toBe(422);
  expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
}

test("a referral naming another participant's goal as its need is refused on that row", async () => {
  const h = await household();
  const own = await needOf(service, h.sender.orgId, [h.child]);
  const theirs = await needOf(service, h.sender.orgId, [h.head]);
  await refused(() => h.refer(h.child, { needIds: [own.needId, theirs.needId] }), ['needIds.1']);
});

test('an unknown need or barrier, or another organization’s, is refused on its row', async () => {
  const h = await household();
  const elsewhere = await needOf(service, randomUUID(), [h.head]);
  await refused(() => h.refer(h.head, { needIds: [randomUUID()] }), ['needIds.0']);
  await refused(() => h.refer(h.head, { needIds: [elsewhere.needId] }), ['needIds.0']);
  await refused(() => h.refer(h.head, { barrierIds: [elsewhere.barrierId] }), ['barrierIds.0']);
});

test('a family goal is a need of any member it lists, with its barrier', async () => {
  const h = await household();
  const family = await needOf(service, h.sender.orgId, [h.head, h.child]);
  const made = await h.refer(h.child, { needIds: [family.needId], barrierIds: [family.barrierId] });
  expect(made.status).toBe(201);
  expect(made.body).toMatchObject({ needIds: [family.needId], barrierIds: [family.barrierId] });
});

test('a barrier of a goal other than the needs named is refused', async () => {
  const h = await household();
  const [first, second] = [
    await needOf(service, h.sender.orgId, [h.head]),
    await needOf(service, h.sender.orgId, [h.head]),
  ];
  await refused(
    () => h.refer(h.head, { needIds: [first.needId], barrierIds: [second.barrierId] }),
    ['barrierIds.0'],
  );
});

test("an edit naming another participant's need is refused, nothing written", async () => {
  const h = await household();
  const made = await h.refer(h.child, {});
  expect(made.status).toBe(201);
  const theirs = await needOf(service, h.sender.orgId, [h.head]);
  await refused(
    () => h.client.patch(`/referrals/${made.body.id}`, { version: 1, needIds: [theirs.needId] }),
    ['needIds.0'],
  );
  const own = await needOf(service, h.sender.orgId, [h.child]);
  const edited = await h.client.patch(`/referrals/${made.body.id}`, {
    version: 1,
    needIds: [own.needId],
    barrierIds: [own.barrierId],
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ needIds: [own.needId], barrierIds: [own.barrierId] });
});
