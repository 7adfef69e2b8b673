import { randomUUID } from 'node:crypto';
import { DuplicateDismissed, PersonLinked, PersonUnlinked } from '@hearth/events';
import {
  apiClient,
  sharedParticipant,
  startServiceForTest,
  testActor,
  testLogger,
  type TestService,
} from '@hearth/testkit';
import { notifications } from '../src/app';
import { notificationsEnv } from '../src/config';
import { recordDecision } from '../src/use-cases/audit-trail';

const logger = testLogger('notifications');

/** Each link, undo and dismissal of duplicate records reaches both records' audit trails. */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(notifications, notificationsEnv);
});
afterAll(() => service?.close());

const supervisor = testActor({ roles: ['supervisor'], name: 'Dana Supervisor' });
const caseworker = testActor({ roles: ['caseworker'], orgId: supervisor.orgId });
const otherAgency = testActor({ roles: ['supervisor'] });
const by = { orgId: supervisor.orgId, actor: { userId: supervisor.userId, name: supervisor.name } };
type Entry = { id: string; userId: string; reason: string; what: string; at: string };

/** The trail of a record without the reader's own reads of it (they are audited too). */
async function decisionsOn(participantId: string) {
  const answer = await apiClient(service.url, supervisor).get(
    `/audit/participants/${participantId}`,
  );
  expect(answer.status).toBe(200);
  return (answer.body.items as Entry[]).filter(
    (e) => e.userId === supervisor.userId && e.reason !== 'same_org',
  );
}

let a: string;
let b: string;
let c: string;
const linkId = randomUUID();
const link = (at: string) => ({
  linkId,
  personId: a,
  survivingParticipantId: a,
  participantIds: [a, b],
  at,
});

beforeAll(async () => {
  a = await sharedParticipant(service.pool, supervisor.orgId);
  b = await sharedParticipant(service.pool, supervisor.orgId);
  c = await sharedParticipant(service.pool, supervisor.orgId);
});

describe('the audit trail of links and dismissals', () => {
  test('a link, its undo and a dismissal are in each record’s trail: who, when, which link', async () => {
    const linked = await service.publish(PersonLinked, link('2026-11-02T10:00:00.000Z'), by);
    const undone = await service.publish(PersonUnlinked, link('2026-11-03T10:00:00.000Z'), by);
    const dismissed = await service.publish(
      DuplicateDismissed,
      { participantIds: [a, c], at: '2026-11-04T10:00:00.000Z' },
      by,
    );
    const expected = {
      linked: {
        id: linked.id,
        userId: supervisor.userId,
        orgId: supervisor.orgId,
        action: 'write',
        allowed: true,
        reason: 'person_linked',
        what: `Person link ${linkId}`,
        at: '2026-11-02T10:00:00.000Z',
      },
      undone: {
        id: undone.id,
        reason: 'person_unlinked',
        what: `Person link ${linkId}`,
        at: '2026-11-03T10:00:00.000Z',
      },
      dismissed: {
        id: dismissed.id,
        reason: 'duplicate_dismissed',
        what: 'The suspected duplicate pair',
        at: '2026-11-04T10:00:00.000Z',
      },
    };
    // newest first
    const trailOfA = await decisionsOn(a);
    expect(trailOfA).toHaveLength(3);
    expect(trailOfA[0]).toMatchObject(expected.dismissed);
    expect(trailOfA[1]).toMatchObject(expected.undone);
    expect(trailOfA[2]).toMatchObject(expected.linked);
    const trailOfB = await decisionsOn(b);
    expect(trailOfB).toHaveLength(2);
    expect(trailOfB[0]).toMatchObject(expected.undone);
    expect(trailOfB[1]).toMatchObject(expected.linked);
    const trailOfC = await decisionsOn(c);
    expect(trailOfC).toHaveLength(1);
    expect(trailOfC[0]).toMatchObject(expected.dismissed);
  });

  test('a redelivered event adds nothing', async () => {
    const again = await service.publish(PersonLinked, link('2026-11-05T10:00:00.000Z'), by);
    const rowsOf = async () =>
      (
        await service.pool.query('SELECT count(*)::int AS n FROM audit_trail WHERE event_id = $1', [
          again.id,
        ])
      ).rows[0].n;
    expect(await rowsOf()).toBe(2); // one row per record
    // the consumer's handling of the very same event a second time (a redelivery)
    await recordDecision({ clock: () => new Date(), logger }, service.pool, again);
    expect(await rowsOf()).toBe(2);
  });

  test('only a supervisor who may see the record reads its trail', async () => {
    expect((await apiClient(service.url, caseworker).get(`/audit/participants/${a}`)).status).toBe(
      403,
    );
    expect((await apiClient(service.url, otherAgency).get(`/audit/participants/${a}`)).status).toBe(
      404,
    );
  });
});
