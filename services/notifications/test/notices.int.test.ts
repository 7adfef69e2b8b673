import { randomUUID } from 'node:crypto';
import { FsspFollowUpDue, PlacementMade, ReferralCreated } from '@hearth/events';
import { applySharingState } from '@hearth/sharing';
import {
  apiClient,
  sharedParticipant,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { notifications } from '../src/app';
import { notificationsEnv } from '../src/config';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(notifications, notificationsEnv);
});
afterAll(() => service?.close());

const as = (actor: ReturnType<typeof testActor>) => apiClient(service.url, actor);

/** A referral from `fromOrgId` to `toOrgId` about a participant released to the receiver. */
async function incomingReferral(fromOrgId: string, toOrgId: string, participantId?: string) {
  const pid =
    participantId ??
    (await sharedParticipant(service.pool, fromOrgId, {
      securityRestriction: 'share_mou',
      releases: [{ toOrgId, beginDate: '2020-01-01', endDate: '2099-12-31' }],
    }));
  const referralId = randomUUID();
  const event = await service.publish(ReferralCreated, {
    referralId,
    participantId: pid,
    fromOrgId,
    fromUserId: randomUUID(),
    toOrgId,
    referralService: 'Housing search',
    referralDate: '2026-12-01',
    status: 'pending',
    version: 1,
    releasedCategories: ['identifying'],
  });
  return { referralId, participantId: pid, event };
}

describe('a new incoming referral', () => {
  test('reaches every user of the receiving organization, unread, linked to the referral', async () => {
    const sender = randomUUID();
    const worker = testActor();
    const colleague = testActor({ orgId: worker.orgId, roles: ['supervisor'] });
    const { referralId, participantId } = await incomingReferral(sender, worker.orgId);
    for (const reader of [worker, colleague]) {
      const answer = await as(reader).get('/notifications');
      expect(answer.status).toBe(200);
      expect(answer.body.items).toEqual([
        expect.objectContaining({
          kind: 'incoming_referral',
          title: 'New incoming referral: Housing search',
          link: {
            recordType: 'referral',
            recordId: referralId,
            href: `/api/v1/referrals/${referralId}`,
          },
          participantId,
          readAt: null,
        }),
      ]);
      expect((await as(reader).get('/notifications/unread-count')).body).toEqual({ unread: 1 });
    }
  });

  test('reaches no one outside the receiving organization, not even the sender', async () => {
    const sender = testActor();
    await incomingReferral(sender.orgId, randomUUID());
    expect((await as(sender).get('/notifications?status=all')).body.items).toEqual([]);
    expect((await as(testActor()).get('/notifications/unread-count')).body).toEqual({ unread: 0 });
  });

  test('delivered twice, it is one notice', async () => {
    const worker = testActor();
    const { event } = await incomingReferral(randomUUID(), worker.orgId);
    const channel = service.service.ctx.broker.publisher!;
    channel.publish(service.exchange, event.type, Buffer.from(JSON.stringify(event)));
    await channel.waitForConfirms();
    await new Promise((r) => setTimeout(r, 300));
    const { rows } = await service.pool.query(
      'SELECT count(*)::int AS n FROM notices WHERE source_event_id = $1',
      [event.id],
    );
    expect(rows[0].n).toBe(1);
  });
});

test('a placement reaches the referring case manager alone, not their colleagues', async () => {
  const manager = testActor();
  const colleague = testActor({ orgId: manager.orgId });
  const participantId = await sharedParticipant(service.pool, manager.orgId);
  const referralId = randomUUID();
  await service.publish(PlacementMade, {
    referralId,
    participantId,
    vacancyId: randomUUID(),
    queueEntryId: randomUUID(),
    providerOrgId: randomUUID(),
    program: 'Rapid Rehousing',
    referringOrgId: manager.orgId,
    referringUserId: manager.userId,
    placedOn: '2026-12-01',
  });
  expect((await as(manager).get('/notifications')).body.items).toEqual([
    expect.objectContaining({
      kind: 'placement',
      title: 'Placement accepted: Rapid Rehousing, placed on 2026-12-01',
      link: expect.objectContaining({ recordType: 'referral', recordId: referralId }),
      participantId,
    }),
  ]);
  expect((await as(colleague).get('/notifications')).body.items).toEqual([]);
});

test('an FSSP follow-up due reaches the case worker, linked to the plan', async () => {
  const worker = testActor();
  const headParticipantId = await sharedParticipant(service.pool, worker.orgId);
  const planId = randomUUID();
  await service.publish(FsspFollowUpDue, {
    planId,
    orgId: worker.orgId,
    headParticipantId,
    caseWorkerUserId: worker.userId,
    followUp: 'six_month',
    dueDate: '2026-12-10',
  });
  expect((await as(worker).get('/notifications')).body.items).toEqual([
    expect.objectContaining({
      kind: 'fssp_follow_up_due',
      title: 'FSSP 6-month follow-up due on 2026-12-10',
      link: { recordType: 'fssp', recordId: planId, href: `/api/v1/fssps/${planId}` },
      participantId: headParticipantId,
    }),
  ]);
  expect((await as(testActor({ orgId: worker.orgId })).get('/notifications')).body.items).toEqual(
    [],
  );
});

describe('who a notice is about is shown only to a reader who may see the participant now', () => {
  test('once the release to the receiver is revoked, the notice stays but names no participant', async () => {
    const sender = randomUUID();
    const receiver = testActor();
    const { participantId, referralId } = await incomingReferral(sender, receiver.orgId);
    await applySharingState(service.pool, {
      participantId,
      ownerOrgId: sender,
      securityRestriction: 'share_mou',
      releases: [
        {
          releaseId: randomUUID(),
          toOrgId: receiver.orgId,
          beginDate: '2020-01-01',
          endDate: '2099-12-31',
          revokedAt: '2026-01-01T00:00:00Z',
        },
      ],
      sharingVersion: 2,
    });
    const [item] = (await as(receiver).get('/notifications')).body.items;
    expect(item).toMatchObject({ participantId: null, link: { recordId: referralId } });
    expect(JSON.stringify(item)).not.toContain(participantId);
  });

  test('an expired release names no participant either', async () => {
    const sender = randomUUID();
    const receiver = testActor();
    const participantId = await sharedParticipant(service.pool, sender, {
      securityRestriction: 'share_mou',
      releases: [{ toOrgId: receiver.orgId, beginDate: '2020-01-01', endDate: '2021-12-31' }],
    });
    await incomingReferral(sender, receiver.orgId, participantId);
    const [item] = (await as(receiver).get('/notifications')).body.items;
    expect(item.participantId).toBeNull();
  });

  test('a participant whose sharing never arrived is named to no one', async () => {
    const receiver = testActor();
    await incomingReferral(randomUUID(), receiver.orgId, randomUUID());
    expect((await as(receiver).get('/notifications')).body.items[0].participantId).toBeNull();
  });

  test('an admin of the organization (who reads no client data) sees the notice without the participant', async () => {
    const admin = testActor({ roles: ['admin'] });
    const participantId = await sharedParticipant(service.pool, admin.orgId, {
      securityRestriction: 'share_global',
    });
    await incomingReferral(randomUUID(), admin.orgId, participantId);
    expect((await as(admin).get('/notifications')).body.items[0].participantId).toBeNull();
  });
});

describe('the notices about one participant (the dashboard asks for them)', () => {
  test('lists only the notices about that participant, and none once the reader may not see them', async () => {
    const sender = randomUUID();
    const receiver = testActor();
    const { participantId, referralId } = await incomingReferral(sender, receiver.orgId);
    await incomingReferral(sender, receiver.orgId); // about someone else
    const about = `/notifications?status=all&participantId=${participantId}`;
    expect((await as(receiver).get(about)).body.items).toEqual([
      expect.objectContaining({
        participantId,
        link: expect.objectContaining({ recordId: referralId }),
      }),
    ]);
    await applySharingState(service.pool, {
      participantId,
      ownerOrgId: sender,
      securityRestriction: 'share_mou',
      releases: [],
      sharingVersion: 2,
    });
    // the notice is still theirs, but the filter must not tell them whom it is about
    expect((await as(receiver).get(about)).body.items).toEqual([]);
    expect((await as(receiver).get('/notifications?status=all')).body.items).toHaveLength(2);
  });

  test('a participant id that is no UUID answers 400 naming it', async () => {
    const res = await as(testActor()).get('/notifications?participantId=nope');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'query.participantId' })]);
  });
});

describe('reading notices', () => {
  test('marking one read takes it off the unread list of that reader only', async () => {
    const worker = testActor();
    const colleague = testActor({ orgId: worker.orgId });
    await incomingReferral(randomUUID(), worker.orgId);
    const [notice] = (await as(worker).get('/notifications')).body.items;
    expect((await as(worker).post(`/notifications/${notice.id}/read`)).status).toBe(204);
    expect((await as(worker).post(`/notifications/${notice.id}/read`)).status).toBe(204);
    expect((await as(worker).get('/notifications')).body.items).toEqual([]);
    expect((await as(worker).get('/notifications/unread-count')).body).toEqual({ unread: 0 });
    const all = (await as(worker).get('/notifications?status=all')).body.items;
    expect(all).toEqual([expect.objectContaining({ id: notice.id, readAt: expect.any(String) })]);
    expect((await as(colleague).get('/notifications/unread-count')).body).toEqual({ unread: 1 });
  });

  test("another organization's notice answers 404, an id that is no UUID 400 naming it", async () => {
    const worker = testActor();
    await incomingReferral(randomUUID(), worker.orgId);
    const [notice] = (await as(worker).get('/notifications')).body.items;
    const stranger = await as(testActor()).post(`/notifications/${notice.id}/read`);
    expect(stranger.status).toBe(404);
    expect(stranger.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const bad = await as(worker).post('/notifications/not-an-id/read');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
    expect((await as(worker).get('/notifications/unread-count')).body).toEqual({ unread: 1 });
  });

  test('mark all read marks each unread notice once and empties the bell', async () => {
    const worker = testActor();
    for (let i = 0; i < 3; i++) await incomingReferral(randomUUID(), worker.orgId);
    const [first] = (await as(worker).get('/notifications')).body.items;
    await as(worker).post(`/notifications/${first.id}/read`);
    expect((await as(worker).post('/notifications/read-all')).body).toEqual({ marked: 2 });
    expect((await as(worker).get('/notifications/unread-count')).body).toEqual({ unread: 0 });
    expect((await as(worker).post('/notifications/read-all')).body).toEqual({ marked: 0 });
  });

  test('lists are paged newest first with the cursor of the previous page', async () => {
    const worker = testActor();
    const made: string[] = [];
    for (let i = 0; i < 3; i++)
      made.push((await incomingReferral(randomUUID(), worker.orgId)).referralId);
    const first = (await as(worker).get('/notifications?limit=2')).body;
    expect(first.items.map((n: { link: { recordId: string } }) => n.link.recordId)).toEqual([
      made[2],
      made[1],
    ]);
    const second = (
      await as(worker).get(`/notifications?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).body;
    expect(second.items.map((n: { link: { recordId: string } }) => n.link.recordId)).toEqual([
      made[0],
    ]);
    expect(second.nextCursor).toBeNull();
  });

  test('a foreign cursor, an unknown status or parameter answer 400 naming the field', async () => {
    const worker = testActor();
    for (const [query, field] of [
      ['cursor=bogus', 'cursor'],
      ['status=seen', 'query.status'],
      ['limit=0', 'query.limit'],
    ]) {
      const answer = await as(worker).get(`/notifications?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    expect((await as(worker).get('/notifications?color=red')).status).toBe(400);
  });
});
