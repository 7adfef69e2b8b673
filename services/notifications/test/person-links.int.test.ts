import { randomUUID } from 'node:crypto';
import { FsspFollowUpDue, ParticipantAccessed, PersonLinked, PersonUnlinked } from '@hearth/events';
import {
  apiClient,
  sharedParticipant,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { notifications } from '../src/app';
import { notificationsEnv } from '../src/config';

/**
 * A participant's notices and audit trail list a person linked in intake together (libs/people),
 * chains of links too, to a reader who may see every record; another reads the asked record alone.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(notifications, notificationsEnv);
});
afterAll(() => service?.close());

const worker = testActor({ roles: ['caseworker'] });
const supervisor = testActor({ roles: ['supervisor'], orgId: worker.orgId });
const partner = testActor({ roles: ['supervisor'] }); // another agency: sees `first` only
const by = { orgId: worker.orgId, actor: { userId: supervisor.userId, name: 'Dana' } };
const colleague = { userId: randomUUID(), orgId: worker.orgId }; // whose reads the trail shows

let first: string; // share_global: seen by the partner too
let second: string; // the worker's organization only
let third: string;
const notices = new Map<string, string>(); // participant → the worker's notice about them
const reads = new Map<string, string>(); // participant → the colleague's audited read of them
const partnerNotices = new Map<string, string>();

/** An FSSP follow-up notice to `reader` about `participantId`; its notice id. */
async function followUpFor(reader: typeof worker, participantId: string) {
  await service.publish(FsspFollowUpDue, {
    planId: randomUUID(),
    orgId: reader.orgId,
    headParticipantId: participantId,
    caseWorkerUserId: reader.userId,
    followUp: 'six_month',
    dueDate: '2026-12-10',
  });
  const { rows } = await service.pool.query<{ id: string }>(
    'SELECT id FROM notices WHERE participant_id = $1 AND user_id = $2',
    [participantId, reader.userId],
  );
  return rows[0]!.id;
}

beforeAll(async () => {
  first = await sharedParticipant(service.pool, worker.orgId, {
    securityRestriction: 'share_global',
  });
  second = await sharedParticipant(service.pool, worker.orgId);
  third = await sharedParticipant(service.pool, worker.orgId);
  // one after the other: newest first is third, second, first
  for (const [i, id] of [first, second, third].entries()) {
    notices.set(id, await followUpFor(worker, id));
    partnerNotices.set(id, await followUpFor(partner, id));
    const event = await service.publish(
      ParticipantAccessed,
      {
        participantId: id,
        ...colleague,
        action: 'read',
        allowed: true,
        reason: 'same_org',
        what: 'The case note',
        at: `2026-11-0${i + 1}T09:00:00.000Z`,
      },
      { orgId: colleague.orgId },
    );
    reads.set(id, event.id);
  }
});

// A chain: first–second and third–second make the three one person.
const firstLink = { linkId: randomUUID(), a: () => first, b: () => second };
const thirdLink = { linkId: randomUUID(), a: () => third, b: () => second };
const link = (l: typeof firstLink) => ({
  linkId: l.linkId,
  personId: l.a(),
  survivingParticipantId: l.a(),
  participantIds: [l.a(), l.b()],
  at: '2026-11-10T10:00:00.000Z',
});

async function noticesAbout(reader: typeof worker, participantId: string) {
  const answer = await apiClient(service.url, reader).get(
    `/notifications?status=all&participantId=${participantId}`,
  );
  expect(answer.status).toBe(200);
  return answer.body.items.map((n: { id: string }) => n.id);
}

type Entry = { id: string; participantId: string; userId: string; reason: string };
/** The trail read as `reader`, page by page (limit 1: the position must not skip or repeat). */
async function trailOf(reader: typeof worker, participantId: string) {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const answer = await apiClient(service.url, reader).get(
      `/audit/participants/${participantId}?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(answer.status).toBe(200);
    entries.push(...answer.body.items);
    cursor = answer.body.nextCursor;
  } while (cursor);
  return entries;
}
const readsIn = (trail: Entry[]) => trail.filter((e) => e.userId === colleague.userId);

async function viewersOf(reader: typeof worker, participantId: string) {
  const answer = await apiClient(service.url, reader).get(
    `/audit/participants/${participantId}/viewers`,
  );
  expect(answer.status).toBe(200);
  return answer.body.items.filter((v: { userId: string }) => v.userId === colleague.userId);
}

describe('notices and audit trail of a linked person', () => {
  test('before a link each record lists its own notices and trail', async () => {
    expect(await noticesAbout(worker, second)).toEqual([notices.get(second)]);
    expect(readsIn(await trailOf(supervisor, second)).map((e) => e.id)).toEqual([
      reads.get(second),
    ]);
  });

  test('once a chain of two links joins three records, any id lists all three, newest first', async () => {
    await service.publish(PersonLinked, link(firstLink), by);
    await service.publish(PersonLinked, link(thirdLink), by);
    for (const id of [first, second, third]) {
      expect(await noticesAbout(worker, id)).toEqual(
        [third, second, first].map((p) => notices.get(p)),
      );
      const trail = await trailOf(supervisor, id);
      expect(readsIn(trail).map((e) => [e.id, e.participantId])).toEqual(
        [third, second, first].map((p) => [reads.get(p), p]),
      );
      // a link's decision is in both its records' trails: one entry of the person's, under the
      // asked record when it is one of the two
      const decisions = trail.filter((e) => e.reason === 'person_linked');
      expect(decisions).toHaveLength(2);
      expect(new Set(trail.map((e) => e.id)).size).toBe(trail.length);
      if (id === second) expect(decisions.map((e) => e.participantId)).toEqual([second, second]);
      expect(await viewersOf(supervisor, id)).toEqual([
        expect.objectContaining({ reads: 3, lastSeenAt: '2026-11-03T09:00:00.000Z' }),
      ]);
    }
  });

  test('a reader who may see only one of the records lists that record’s notices and trail alone', async () => {
    expect(await noticesAbout(partner, first)).toEqual([partnerNotices.get(first)]);
    expect(await noticesAbout(partner, second)).toEqual([]); // not theirs to see: nothing
    expect(readsIn(await trailOf(partner, first)).map((e) => e.id)).toEqual([reads.get(first)]);
    expect(await viewersOf(partner, first)).toEqual([expect.objectContaining({ reads: 1 })]);
    const hidden = await apiClient(service.url, partner).get(`/audit/participants/${second}`);
    expect(hidden.status).toBe(404);
  });

  test('undoing one link of the chain splits its record off, the other link holds', async () => {
    await service.publish(PersonUnlinked, link(thirdLink), by);
    expect(await noticesAbout(worker, third)).toEqual([notices.get(third)]);
    expect(await noticesAbout(worker, second)).toEqual([second, first].map((p) => notices.get(p)));
    expect(readsIn(await trailOf(supervisor, third)).map((e) => e.id)).toEqual([reads.get(third)]);
    expect(readsIn(await trailOf(supervisor, first)).map((e) => e.id)).toEqual(
      [second, first].map((p) => reads.get(p)),
    );
  });
});

test('a reader whose release of one linked record has expired lists the other record’s notices alone', async () => {
  const reader = testActor({ roles: ['caseworker'] });
  const open = await sharedParticipant(service.pool, worker.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: reader.orgId, beginDate: '2020-01-01', endDate: '2099-12-31' }],
  });
  const expired = await sharedParticipant(service.pool, worker.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: reader.orgId, beginDate: '2020-01-01', endDate: '2021-12-31' }],
  });
  const aboutOpen = await followUpFor(reader, open);
  await followUpFor(reader, expired);
  await service.publish(
    PersonLinked,
    link({ linkId: randomUUID(), a: () => open, b: () => expired }),
    by,
  );
  expect(await noticesAbout(reader, open)).toEqual([aboutOpen]);
  expect(await noticesAbout(reader, expired)).toEqual([]);
});
