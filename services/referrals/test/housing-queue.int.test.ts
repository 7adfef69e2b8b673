import type { Actor } from '@hearth/auth';
import { QueueEntryAdded, QueueEntryRemoved } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { referrals } from '../src/app';
import { referralsEnv } from '../src/config';
import { COMMUNITY_QUEUE, answersFor, assess, ceManagerOf, participantOf } from './ce-fixtures';

let service: TestService;
let now = new Date('2026-12-01T15:00:00Z');

beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv, { clock: () => now });
});
afterAll(() => service?.close());

const HIGH = answersFor('unsheltered', 'yes', 'four_or_more', 'yes'); // 3 + 2 + 2 + 2 = 9
const LOW = answersFor('shelter', 'no', 'one_to_three', 'refused'); // 1 + 0 + 1 + 0 = 2

/** Assesses a participant of `manager`'s organization and puts them on `queueId` on `addedOn`. */
async function onQueue(
  manager: Actor,
  person: { answers: typeof HIGH; homelessSince: string; householdSize: number; addedOn: string },
  queueIds: string[] = [COMMUNITY_QUEUE],
  participantId?: string,
) {
  const id = participantId ?? (await participantOf(service, manager));
  now = new Date(`${person.addedOn}T15:00:00Z`);
  await assess(service, manager, id, person.answers, person.addedOn);
  const entries: string[] = [];
  for (const queueId of queueIds) {
    const res = await apiClient(service.url, manager).post('/housing-queue', {
      queueId,
      participantId: id,
      homelessSince: person.homelessSince,
      householdSize: person.householdSize,
      needs: ['accessible unit'],
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    entries.push(res.body.id);
  }
  return { participantId: id, entries };
}

const idsOf = (body: { items: Array<{ participantId: string }> }) =>
  body.items.map((e) => e.participantId);

async function allPages(actor: Actor, queueId: string, limit: number) {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await apiClient(service.url, actor).get(
      `/housing-queue?queueId=${queueId}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...idsOf(res.body));
    cursor = res.body.nextCursor;
  } while (cursor);
  return seen;
}

test('the queue is in the order its configuration names, page after page, under two configurations', async () => {
  const manager = ceManagerOf();
  const bySize = await apiClient(service.url, manager).post('/housing-queue/queues', {
    name: 'Families first',
    ordering: [
      { factor: 'household_size', direction: 'desc' },
      { factor: 'date_added', direction: 'asc' },
    ],
  });
  expect(bySize.status).toBe(201);
  const both = [COMMUNITY_QUEUE, bySize.body.id];
  const a = await onQueue(
    manager,
    { answers: HIGH, homelessSince: '2026-06-01', householdSize: 1, addedOn: '2026-11-01' },
    both,
  );
  const b = await onQueue(
    manager,
    { answers: HIGH, homelessSince: '2026-03-01', householdSize: 3, addedOn: '2026-11-02' },
    both,
  );
  const c = await onQueue(
    manager,
    { answers: LOW, homelessSince: '2025-01-01', householdSize: 2, addedOn: '2026-11-03' },
    both,
  );
  const d = await onQueue(
    manager,
    { answers: HIGH, homelessSince: '2026-03-01', householdSize: 1, addedOn: '2026-11-04' },
    both,
  );

  // default: score 9 (A, B, D) before 2 (C); of the 9s, homeless since March (B, D) before June
  // (A); B and D tie on both, so the earlier added (B, 2 Nov) first
  const expected = [b, d, a, c].map((p) => p.participantId);
  expect(await allPages(manager, COMMUNITY_QUEUE, 2)).toEqual(expected);
  expect(await allPages(manager, COMMUNITY_QUEUE, 50)).toEqual(expected);
  // families first: B (3), C (2), then the two of one, A added 1 Nov before D added 4 Nov
  const families = [b, c, a, d].map((p) => p.participantId);
  expect(await allPages(manager, bySize.body.id, 1)).toEqual(families);

  const first = await apiClient(service.url, manager).get(`/housing-queue?limit=1`);
  expect(first.body.items[0]).toMatchObject({
    participantId: b.participantId,
    score: 9,
    homelessSince: '2026-03-01',
    daysHomeless: 248, // 1 March to today, 4 November (when D was added): 245 + 3
    householdSize: 3,
    needs: ['accessible unit'],
    status: 'waiting',
    referral: null,
    lastRejection: null,
  });
});

test('only participants the actor may read are listed, and a page is still full', async () => {
  const owner = ceManagerOf();
  const reader = ceManagerOf();
  const person = {
    answers: HIGH,
    homelessSince: '2026-01-01',
    householdSize: 1,
    addedOn: '2026-11-10',
  };
  const hidden = await onQueue(owner, person);
  const released = await participantOf(service, owner, 'share_mou', [
    { toOrgId: reader.orgId, beginDate: '2026-01-01', endDate: '2027-12-31' },
  ]);
  const expired = await participantOf(service, owner, 'share_mou', [
    { toOrgId: reader.orgId, beginDate: '2026-01-01', endDate: '2026-11-30' },
  ]);
  await onQueue(owner, person, [COMMUNITY_QUEUE], released);
  await onQueue(owner, person, [COMMUNITY_QUEUE], expired);
  const own = await onQueue(reader, { ...person, homelessSince: '2026-02-01' });
  now = new Date('2026-12-01T15:00:00Z'); // the second release ended yesterday

  const page = await apiClient(service.url, reader).get('/housing-queue?limit=2');
  expect(idsOf(page.body)).toEqual([released, own.participantId]);
  const all = await allPages(reader, COMMUNITY_QUEUE, 50);
  expect(all).not.toContain(hidden.participantId);
  expect(all).not.toContain(expired);
  const admin = testActor({ orgId: reader.orgId, roles: ['admin'] });
  expect((await apiClient(service.url, admin).get('/housing-queue')).body.items).toEqual([]);
});

test('a participant is on a queue once: a second add is a 409 and writes nothing', async () => {
  const manager = ceManagerOf();
  const person = {
    answers: LOW,
    homelessSince: '2026-05-01',
    householdSize: 2,
    addedOn: '2026-11-15',
  };
  const { participantId } = await onQueue(manager, person);
  const before = await rowCounts(service.pool, ['queue_entries', 'outbox']);
  const again = await apiClient(service.url, manager).post('/housing-queue', {
    participantId,
    homelessSince: '2026-05-01',
    householdSize: 2,
  });
  expect(again.status).toBe(409);
  expect(again.body.errors[0].field).toBe('participantId');
  expect(await rowCounts(service.pool, ['queue_entries', 'outbox'])).toEqual(before);
  const added = (await outboxEvents(service.pool, QueueEntryAdded)).filter(
    (e) => e.data.participantId === participantId,
  );
  expect(added).toHaveLength(1);
  expect(added[0].data).toMatchObject({ score: 2, householdSize: 2 });
});

test('a participant never assessed is refused on participantId; a case worker may not add anyone', async () => {
  const manager = ceManagerOf();
  const participantId = await participantOf(service, manager);
  const body = { participantId, homelessSince: '2026-05-01', householdSize: 1 };
  const res = await apiClient(service.url, manager).post('/housing-queue', body);
  expect(res.status).toBe(422);
  expect(res.body.errors[0].field).toBe('participantId');
  const caseworker = testActor({ orgId: manager.orgId });
  expect((await apiClient(service.url, caseworker).post('/housing-queue', body)).status).toBe(403);
  const stranger = ceManagerOf();
  expect((await apiClient(service.url, stranger).post('/housing-queue', body)).status).toBe(404);
});

test('a cursor this queue did not give out is a 400 on cursor', async () => {
  const manager = ceManagerOf();
  const other = await apiClient(service.url, manager).post('/housing-queue/queues', {
    name: 'By score',
    ordering: [{ factor: 'score', direction: 'desc' }],
  });
  const person = {
    answers: LOW,
    homelessSince: '2026-05-01',
    householdSize: 1,
    addedOn: '2026-11-16',
  };
  await onQueue(manager, person, [other.body.id]);
  await onQueue(manager, person, [other.body.id]);
  const page = await apiClient(service.url, manager).get(
    `/housing-queue?queueId=${other.body.id}&limit=1`,
  );
  expect(page.body.nextCursor).toEqual(expect.any(String));
  const elsewhere = await apiClient(service.url, manager).get(
    `/housing-queue?limit=1&cursor=${page.body.nextCursor}`,
  );
  expect(elsewhere.status).toBe(400);
  expect(elsewhere.body.errors[0].field).toBe('cursor');
  const forged = Buffer.from(JSON.stringify({ keys: ['x'], id: page.body.items[0].id })).toString(
    'base64url',
  );
  expect(
    (
      await apiClient(service.url, manager).get(
        `/housing-queue?queueId=${other.body.id}&cursor=${forged}`,
      )
    ).status,
  ).toBe(400);
});

test('a removed entry leaves the queue with its reason and referrals.queue-entry.removed', async () => {
  const manager = ceManagerOf();
  const person = {
    answers: LOW,
    homelessSince: '2026-05-01',
    householdSize: 1,
    addedOn: '2026-11-17',
  };
  const { participantId, entries } = await onQueue(manager, person);
  const stranger = ceManagerOf();
  const denied = await apiClient(service.url, stranger).post(
    `/housing-queue/${entries[0]}/removal`,
    { reason: 'Moved away' },
  );
  expect(denied.status).toBe(404);
  const res = await apiClient(service.url, manager).post(`/housing-queue/${entries[0]}/removal`, {
    reason: 'Moved away',
  });
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('removed');
  expect(await allPages(manager, COMMUNITY_QUEUE, 50)).not.toContain(participantId);
  const [removed] = (await outboxEvents(service.pool, QueueEntryRemoved)).filter(
    (e) => e.data.participantId === participantId,
  );
  expect(removed.data.reason).toBe('removed');
  const twice = await apiClient(service.url, manager).post(`/housing-queue/${entries[0]}/removal`, {
    reason: 'Again',
  });
  expect(twice.status).toBe(409);
});
