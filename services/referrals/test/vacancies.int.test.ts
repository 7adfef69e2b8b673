import type { Actor } from '@hearth/auth';
import {
  PlacementMade,
  QueueEntryRemoved,
  VacancyFilled,
  VacancyPosted,
  VacancyReleased,
  VacancyReserved,
} from '@hearth/events';
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
import { statusHistory } from '../src/store/referrals';
import { assess, ceManagerOf, participantOf } from './ce-fixtures';

let service: TestService;
let now = new Date('2026-12-01T15:00:00Z');

beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv, { clock: () => now });
});
afterAll(() => service?.close());
beforeEach(() => {
  now = new Date('2026-12-01T15:00:00Z');
});

const manager = ceManagerOf();
const provider = testActor({ name: 'Provider Worker' });

async function waitingEntry(householdSize = 1, who: Actor = manager) {
  const participantId = await participantOf(service, who);
  await assess(service, who, participantId);
  const res = await apiClient(service.url, who).post('/housing-queue', {
    participantId,
    homelessSince: '2026-01-15',
    householdSize,
  });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return { participantId, entryId: res.body.id as string };
}

async function vacancy(householdSize = 2, by: Actor = provider): Promise<string> {
  const res = await apiClient(service.url, by).post('/vacancies', {
    program: 'Rapid rehousing',
    unitType: 'two_bedroom',
    householdSize,
    eligibilityNotes: 'Families with children',
    availableFrom: '2026-12-15',
  });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const match = (vacancyId: string, queueEntryId: string, as: Actor = manager) =>
  apiClient(service.url, as).post(`/vacancies/${vacancyId}/match`, { queueEntryId });

const queueItem = async (entryId: string) => {
  const all = await apiClient(service.url, manager).get('/housing-queue?limit=200');
  return all.body.items.find((e: { id: string }) => e.id === entryId);
};

test('a provider posts a vacancy; every organization lists it; a funder may not post', async () => {
  const id = await vacancy(3);
  const [posted] = (await outboxEvents(service.pool, VacancyPosted)).filter(
    (e) => e.data.vacancyId === id,
  );
  expect(posted.data).toMatchObject({ orgId: provider.orgId, householdSize: 3, referralId: null });
  const list = await apiClient(service.url, ceManagerOf()).get(
    `/vacancies?orgId=${provider.orgId}`,
  );
  expect(list.body.items.map((v: { id: string }) => v.id)).toContain(id);
  const funder = testActor({ roles: ['contract_manager'] });
  const res = await apiClient(service.url, funder).post('/vacancies', {
    program: 'X',
    unitType: 'studio',
    householdSize: 1,
    availableFrom: '2026-12-15',
  });
  expect(res.status).toBe(403);
});

test('a match reserves the vacancy with a referral to its organization, shown on the queue', async () => {
  const { participantId, entryId } = await waitingEntry();
  const vacancyId = await vacancy();
  const res = await match(vacancyId, entryId);
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ status: 'reserved', replyOverdue: false });
  const { rows } = await service.pool.query(
    'SELECT participant_id, from_org_id, to_org_id, status, queue_entry_id, vacancy_id FROM referrals WHERE id = $1',
    [res.body.referralId],
  );
  expect(rows[0]).toEqual({
    participant_id: participantId,
    from_org_id: manager.orgId,
    to_org_id: provider.orgId,
    status: 'pending',
    queue_entry_id: entryId,
    vacancy_id: vacancyId,
  });
  expect(await queueItem(entryId)).toMatchObject({
    status: 'referred',
    referral: { id: res.body.referralId, status: 'pending' },
  });
  const [reserved] = (await outboxEvents(service.pool, VacancyReserved)).filter(
    (e) => e.data.vacancyId === vacancyId,
  );
  expect(reserved.data).toMatchObject({ referralId: res.body.referralId, queueEntryId: entryId });
});

test('20 concurrent matches of one vacancy: exactly one reserves it, 19 clear 409s', async () => {
  const vacancyId = await vacancy();
  const entries = await Promise.all(Array.from({ length: 20 }, () => waitingEntry()));
  const answers = await Promise.all(entries.map((e) => match(vacancyId, e.entryId)));
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses).toEqual([201, ...Array(19).fill(409)]);
  for (const lost of answers.filter((a) => a.status === 409))
    expect(lost.body.errors[0]).toEqual({ field: 'vacancyId', message: 'The vacancy is reserved' });
  const { rows } = await service.pool.query(
    'SELECT count(*)::int AS n FROM referrals WHERE vacancy_id = $1',
    [vacancyId],
  );
  expect(rows[0].n).toBe(1);
  const winner = answers.find((a) => a.status === 201)!;
  expect(
    (await apiClient(service.url, manager).get(`/vacancies/${vacancyId}`)).body.referralId,
  ).toBe(winner.body.referralId);
});

test('a second open referral for one queue entry is refused 409, by the rule and by the unique index', async () => {
  const { entryId } = await waitingEntry();
  const [first, second] = [await vacancy(), await vacancy()];
  expect((await match(first, entryId)).status).toBe(201);
  const byRule = await match(second, entryId);
  expect(byRule.status).toBe(409);
  expect(byRule.body.errors[0].field).toBe('queueEntryId');
  // were the entry's status wrong, the index of migration 002 still holds the one open referral
  await service.pool.query("UPDATE queue_entries SET status = 'waiting' WHERE id = $1", [entryId]);
  const before = await rowCounts(service.pool, ['referrals', 'referral_status_changes', 'outbox']);
  const byIndex = await match(second, entryId);
  expect(byIndex.status).toBe(409);
  expect(byIndex.body.errors[0].field).toBe('queueEntryId');
  expect(await rowCounts(service.pool, ['referrals', 'referral_status_changes', 'outbox'])).toEqual(
    before,
  );
  expect((await apiClient(service.url, manager).get(`/vacancies/${second}`)).body.status).toBe(
    'available',
  );
});

test('a household larger than the unit is a 422 on queueEntryId, and nothing is written', async () => {
  const { entryId } = await waitingEntry(4);
  const vacancyId = await vacancy(2);
  const before = await rowCounts(service.pool, ['referrals', 'outbox']);
  const res = await match(vacancyId, entryId);
  expect(res.status).toBe(422);
  expect(res.body.errors[0].field).toBe('queueEntryId');
  expect(await rowCounts(service.pool, ['referrals', 'outbox'])).toEqual(before);
});

test('only a CE manager matches, and only an entry of a participant they may see', async () => {
  const { entryId } = await waitingEntry();
  const vacancyId = await vacancy();
  expect((await match(vacancyId, entryId, testActor({ orgId: manager.orgId }))).status).toBe(403);
  expect((await match(vacancyId, entryId, ceManagerOf())).status).toBe(404);
});

test('acceptance fills the vacancy, places the person off the queue and tells the referring case manager', async () => {
  const { participantId, entryId } = await waitingEntry();
  const vacancyId = await vacancy();
  const reserved = await match(vacancyId, entryId);
  expect(
    (await apiClient(service.url, testActor()).post(`/vacancies/${vacancyId}/acceptance`)).status,
  ).toBe(403);
  expect(
    (await apiClient(service.url, manager).post(`/vacancies/${vacancyId}/acceptance`)).status,
  ).toBe(403);

  const res = await apiClient(service.url, provider).post(`/vacancies/${vacancyId}/acceptance`);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    vacancy: { status: 'filled', referralId: reserved.body.referralId },
    referral: { status: 'accepted' },
  });
  expect(await queueItem(entryId)).toBeUndefined();
  const [placement] = (await outboxEvents(service.pool, PlacementMade)).filter(
    (e) => e.data.vacancyId === vacancyId,
  );
  expect(placement.data).toEqual({
    referralId: reserved.body.referralId,
    participantId,
    vacancyId,
    queueEntryId: entryId,
    providerOrgId: provider.orgId,
    program: 'Rapid rehousing',
    referringOrgId: manager.orgId,
    referringUserId: manager.userId,
    placedOn: '2026-12-01',
  });
  const removed = (await outboxEvents(service.pool, QueueEntryRemoved)).filter(
    (e) => e.data.queueEntryId === entryId,
  );
  expect(removed.map((e) => e.data.reason)).toEqual(['placed']);
  expect(
    (await outboxEvents(service.pool, VacancyFilled)).some((e) => e.data.vacancyId === vacancyId),
  ).toBe(true);

  const before = await rowCounts(service.pool, ['referral_status_changes', 'outbox']);
  const twice = await apiClient(service.url, provider).post(`/vacancies/${vacancyId}/acceptance`);
  expect(twice.status).toBe(409);
  expect(twice.body.errors[0].field).toBe('status');
  const late = await apiClient(service.url, provider).post(`/vacancies/${vacancyId}/rejection`, {
    reason: 'Too late',
  });
  expect(late.status).toBe(409);
  expect(await rowCounts(service.pool, ['referral_status_changes', 'outbox'])).toEqual(before);
});

test('a rejection frees the vacancy and puts the person back on the queue with it recorded, at once', async () => {
  const { entryId } = await waitingEntry();
  const vacancyId = await vacancy();
  const reserved = await match(vacancyId, entryId);
  const reject = () =>
    apiClient(service.url, provider).post(`/vacancies/${vacancyId}/rejection`, {
      reason: 'Household needs a ground-floor unit',
    });
  const answers = await Promise.all([reject(), reject()]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  const ok = answers.find((a) => a.status === 200)!;
  expect(ok.body).toMatchObject({
    vacancy: { status: 'available', referralId: null, reservedAt: null },
    referral: { id: reserved.body.referralId, status: 'rejected' },
  });
  expect(await queueItem(entryId)).toMatchObject({
    status: 'waiting',
    referral: { id: reserved.body.referralId, status: 'rejected' },
    lastRejection: {
      reason: 'Household needs a ground-floor unit',
      at: '2026-12-01T15:00:00.000Z',
    },
  });
  const history = await statusHistory(service.pool, reserved.body.referralId);
  expect(history.map((h) => [h.status, h.reason])).toEqual([
    ['pending', null],
    ['rejected', 'Household needs a ground-floor unit'],
  ]);
  const released = (await outboxEvents(service.pool, VacancyReleased)).filter(
    (e) => e.data.vacancyId === vacancyId,
  );
  expect(released).toHaveLength(1);
  expect(released[0].data).toMatchObject({
    referralId: reserved.body.referralId,
    queueEntryId: entryId,
  });
  // free and waiting again: the same person may be matched anew
  expect((await match(vacancyId, entryId)).status).toBe(201);
});

test('a reservation unanswered longer than the configured days is flagged', async () => {
  const { entryId } = await waitingEntry();
  const vacancyId = await vacancy();
  await match(vacancyId, entryId);
  const flagged = async () => {
    const one = await apiClient(service.url, manager).get(`/vacancies/${vacancyId}`);
    const list = await apiClient(service.url, manager).get(
      '/vacancies?replyOverdue=true&limit=200',
    );
    return [one.body.replyOverdue, list.body.items.some((v: { id: string }) => v.id === vacancyId)];
  };
  now = new Date('2026-12-04T15:00:00Z'); // three days: the default CE_RESERVATION_REPLY_DAYS
  expect(await flagged()).toEqual([false, false]);
  now = new Date('2026-12-04T15:00:01Z');
  expect(await flagged()).toEqual([true, true]);
});

test('the CE manager who matched may withdraw before the provider answers: free again, waiting again', async () => {
  const { entryId } = await waitingEntry();
  const vacancyId = await vacancy();
  const reserved = await match(vacancyId, entryId);
  const withdraw = (as: Actor) =>
    apiClient(service.url, as).post(`/vacancies/${vacancyId}/withdrawal`, {
      reason: 'Housed by family',
    });
  expect((await withdraw(ceManagerOf())).status).toBe(403);
  const res = await withdraw(manager);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    vacancy: { status: 'available', referralId: null },
    referral: { id: reserved.body.referralId, status: 'withdrawn' },
  });
  expect(await queueItem(entryId)).toMatchObject({ status: 'waiting', lastRejection: null });
  expect((await withdraw(manager)).status).toBe(409);
  const accept = await apiClient(service.url, provider).post(`/vacancies/${vacancyId}/acceptance`);
  expect(accept.status).toBe(409);
});

test("a referral that reserves a vacancy is not answered through /referrals/{id}/status: its vacancy's routes move vacancy and queue with it", async () => {
  const { entryId } = await waitingEntry();
  const vacancyId = await vacancy();
  const { referralId } = (await match(vacancyId, entryId)).body;
  const before = await rowCounts(service.pool, ['referral_status_changes', 'outbox']);
  for (const [as, status, via] of [
    [provider, 'accepted', 'acceptance'],
    [provider, 'rejected', 'rejection'],
    [manager, 'withdrawn', 'withdrawal'],
  ] as const) {
    const res = await apiClient(service.url, as).post(`/referrals/${referralId}/status`, {
      status,
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain(`/api/v1/vacancies/${vacancyId}/${via}`);
    expect(res.body.errors).toEqual([{ field: 'status', message: 'Answered through its vacancy' }]);
  }
  expect(await rowCounts(service.pool, ['referral_status_changes', 'outbox'])).toEqual(before);
  expect(await queueItem(entryId)).toMatchObject({
    referral: { id: referralId, status: 'pending' },
  });
});
