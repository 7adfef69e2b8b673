import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { PersonLinked, PersonUnlinked } from '@hearth/events';
import { apiClient, startServiceForTest, type TestService } from '@hearth/testkit';
import { referrals } from '../src/app';
import { referralsEnv } from '../src/config';
import { answersFor, assess, ceManagerOf, participantOf } from './ce-fixtures';

/** The housing queue lists a linked person once, with the latest assessment across the records. */
let service: TestService;
let now = new Date('2026-12-01T15:00:00Z');
beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv, { clock: () => now });
});
afterAll(() => service?.close());

// points of the seeded index: shelter 1, unsheltered 3; health yes 2; ER 1-3 1, 4+ 2; harmed yes 2
const HIGH = answersFor('unsheltered', 'yes', 'four_or_more', 'yes'); // 3 + 2 + 2 + 2 = 9
const MIDDLE = answersFor('shelter', 'yes', 'one_to_three', 'no'); // 1 + 2 + 1 + 0 = 4
const LOW = answersFor('shelter', 'no', 'one_to_three', 'refused'); // 1 + 0 + 1 + 0 = 2

const manager = ceManagerOf();
const partner = ceManagerOf(); // sees the person's shared record only
let queueId: string;
let a: string; // assessed low, first on the queue (1 Oct)
let b: string; // the same man, assessed high later (15 Nov), shared with every agency
let x: string; // someone else, in the middle
let entryOfA: string;
let latestOfB: string;

async function assessAndQueue(id: string, answers: typeof HIGH, on: string): Promise<string> {
  now = new Date(`${on}T15:00:00Z`);
  await assess(service, manager, id, answers, on);
  const res = await apiClient(service.url, manager).post('/housing-queue', {
    queueId,
    participantId: id,
    homelessSince: '2026-05-01',
    householdSize: 1,
    needs: [],
  });
  if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const linkOf = (linkId: string) => ({
  linkId,
  personId: a,
  survivingParticipantId: a,
  participantIds: [a, b],
  at: '2026-11-20T10:00:00.000Z',
});

async function queueAs(actor: Actor, limit = 50) {
  const res = await apiClient(service.url, actor).get(
    `/housing-queue?queueId=${queueId}&limit=${limit}`,
  );
  expect(res.status).toBe(200);
  return res.body.items as Array<{
    id: string;
    participantId: string;
    score: number;
    assessmentId: string;
  }>;
}
const scored = (items: Awaited<ReturnType<typeof queueAs>>) =>
  items.map((e) => [e.participantId, e.score]);

beforeAll(async () => {
  const queue = await apiClient(service.url, manager).post('/housing-queue/queues', {
    name: 'Linked people',
    ordering: [
      { factor: 'score', direction: 'desc' },
      { factor: 'date_added', direction: 'asc' },
    ],
  });
  queueId = queue.body.id;
  a = await participantOf(service, manager);
  b = await participantOf(service, manager, 'share_global');
  x = await participantOf(service, manager);
  entryOfA = await assessAndQueue(a, LOW, '2026-10-01');
  await assessAndQueue(x, MIDDLE, '2026-10-05');
  await assessAndQueue(b, HIGH, '2026-11-15');
  const { rows } = await service.pool.query(
    'SELECT id FROM assessments WHERE participant_id = $1',
    [b],
  );
  latestOfB = rows[0].id;
});

describe('the housing queue of a linked person', () => {
  it('lists each record on its own before a link', async () => {
    expect(scored(await queueAs(manager))).toEqual([
      [b, 9],
      [x, 4],
      [a, 2],
    ]);
  });

  it('lists the person once, in the place of the first entry, with the latest assessment of either record', async () => {
    const linkId = randomUUID();
    await service.publish(PersonLinked, linkOf(linkId), { orgId: manager.orgId });
    const items = await queueAs(manager);
    expect(scored(items)).toEqual([
      [a, 9],
      [x, 4],
    ]);
    expect(items[0]).toMatchObject({ id: entryOfA, assessmentId: latestOfB });
    // a page of one, then the next: the person never comes back on the second page
    const first = await apiClient(service.url, manager).get(
      `/housing-queue?queueId=${queueId}&limit=1`,
    );
    const second = await apiClient(service.url, manager).get(
      `/housing-queue?queueId=${queueId}&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...second.body.items].map((e) => e.participantId)).toEqual([a, x]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('shows an organization that sees one record of the person that record alone, with its own score', async () => {
    const items = await queueAs(partner);
    expect(scored(items)).toEqual([[b, 9]]);
    expect(JSON.stringify(items)).not.toContain(a);
  });

  it('lists both records again after the undo, each with its own assessment', async () => {
    const [linked] = (
      await service.pool.query('SELECT link_id FROM person_link_facts WHERE unlinked_at IS NULL')
    ).rows;
    await service.publish(PersonUnlinked, linkOf(linked.link_id), { orgId: manager.orgId });
    expect(scored(await queueAs(manager))).toEqual([
      [b, 9],
      [x, 4],
      [a, 2],
    ]);
  });
});
