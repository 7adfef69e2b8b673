import { randomUUID } from 'node:crypto';
import {
  OrganizationCreated,
  ReferralCreated,
  ReferralOutcomeRecorded,
  ReferralStatusChanged,
  ReferralWithdrawn,
} from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  publishAndWait,
  rowCounts,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { referrals } from '../src/app';
import { referralsEnv } from '../src/config';
import { NOW, TODAY, agency, needOf, participantOf, provider, referralBody } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const tables = ['referrals', 'referral_status_changes', 'outbox'];
const as = (actor: Parameters<typeof apiClient>[1]) => apiClient(service.url, actor);

/** A sender with a participant of its own, a provider of legal aid, and a pending referral. */
async function pendingReferral(more: object = {}) {
  const sender = await agency(service, 'Sender');
  const receiver = await provider(service, ['legal_aid'], 'Receiver');
  const participantId = await participantOf(service, sender.caseworker);
  const made = await as(sender.caseworker).post(
    '/referrals',
    referralBody(participantId, receiver.orgId, more),
  );
  expect(made.status).toBe(201);
  return { sender, receiver, participantId, referral: made.body };
}

describe('the provider directory', () => {
  test('an organization from identity is found by the referral services its supervisor lists', async () => {
    const orgId = randomUUID();
    await publishAndWait(
      service,
      OrganizationCreated,
      {
        organizationId: orgId,
        name: 'Northside Legal',
        kind: 'other',
        timeZone: 'America/Chicago',
        version: 1,
      },
      { orgId },
    );
    const supervisor = testActor({ orgId, roles: ['supervisor'] });
    const kept = await as(supervisor).put(`/providers/${orgId}/offers`, {
      offers: [
        {
          referralService: 'tenant_rights',
          contactName: 'Ana Ruiz',
          contactEmail: 'ana@northside.example',
        },
        {
          referralService: 'immigration_law',
          contactName: 'Ben Ode',
          contactPhone: '312-555-0199',
        },
      ],
    });
    expect(kept.status).toBe(200);
    const found = await as(testActor()).get('/providers?referralService=tenant_rights');
    expect(found.body.items).toEqual([
      {
        orgId,
        name: 'Northside Legal',
        referralService: 'tenant_rights',
        contact: {
          contactName: 'Ana Ruiz',
          contactPhone: null,
          contactEmail: 'ana@northside.example',
        },
      },
    ]);
    const none = await as(testActor()).get('/providers?referralService=dental_care');
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });

  test("only the organization's own supervisor edits its offers", async () => {
    const org = await agency(service);
    const offers = { offers: [{ referralService: 'legal_aid', contactName: 'X' }] };
    expect((await as(org.caseworker).put(`/providers/${org.orgId}/offers`, offers)).status).toBe(
      403,
    );
    const other = await agency(service);
    expect((await as(other.supervisor).put(`/providers/${org.orgId}/offers`, offers)).status).toBe(
      403,
    );
    expect((await as(org.supervisor).get(`/providers/${org.orgId}`)).body.offers).toEqual([]);
  });

  test('a service listed twice is refused on the later row', async () => {
    const org = await agency(service);
    const answer = await as(org.supervisor).put(`/providers/${org.orgId}/offers`, {
      offers: [
        { referralService: 'legal_aid', contactName: 'A' },
        { referralService: 'legal_aid', contactName: 'B' },
      ],
    });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: 'offers.1.referralService' }),
    ]);
  });
});

describe('making a referral', () => {
  test('its source is the actor and their organization, its contact the provider’s offer', async () => {
    const { sender, receiver, participantId, referral } = await pendingReferral();
    expect(referral).toMatchObject({
      participantId,
      fromOrgId: sender.orgId,
      fromUserId: sender.caseworker.userId,
      fromUserName: 'Casey Worker',
      toOrgId: receiver.orgId,
      referralService: 'legal_aid',
      referralDate: TODAY,
      status: 'pending',
      contact: { name: 'Pat Provider', phone: '+1 312 555 0100', email: 'intake@provider.example' },
      comment: 'Needs help with an eviction notice',
      releasedCategories: ['identifying', 'contact'],
      outcome: null,
      version: 1,
    });
    const shown = await as(sender.caseworker).get(`/referrals/${referral.id}`);
    expect(shown.body.statusHistory).toEqual([
      expect.objectContaining({ status: 'pending', changedBy: sender.caseworker.userId }),
    ]);
    const [created] = (await outboxEvents(service.pool, ReferralCreated)).filter(
      (e) => e.data.referralId === referral.id,
    );
    // the notice names ids, organizations, service and status: never the comment
    expect(created.data).toEqual({
      referralId: referral.id,
      participantId,
      fromOrgId: sender.orgId,
      fromUserId: sender.caseworker.userId,
      toOrgId: receiver.orgId,
      referralService: 'legal_aid',
      referralDate: TODAY,
      status: 'pending',
      version: 1,
      releasedCategories: ['identifying', 'contact'],
    });
  });

  test('a retry with the same Idempotency-Key makes one referral; another body with it is a 422', async () => {
    const sender = await agency(service);
    const receiver = await provider(service, ['legal_aid']);
    const participantId = await participantOf(service, sender.caseworker);
    const body = referralBody(participantId, receiver.orgId);
    const key = { 'idempotency-key': randomUUID() };
    const first = await as(sender.caseworker).post('/referrals', body, key);
    const again = await as(sender.caseworker).post('/referrals', body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    const other = await as(sender.caseworker).post(
      '/referrals',
      { ...body, comment: 'Other' },
      key,
    );
    expect(other.status).toBe(422);
    const { rows } = await service.pool.query(
      'SELECT count(*)::int AS n FROM referrals WHERE participant_id = $1',
      [participantId],
    );
    expect(rows[0].n).toBe(1);
  });

  test('a provider that does not offer the service is refused on toOrgId, nothing written', async () => {
    const sender = await agency(service);
    const elsewhere = await provider(service, ['food_pantry']);
    const participantId = await participantOf(service, sender.caseworker);
    const before = await rowCounts(service.pool, tables);
    const answer = await as(sender.caseworker).post(
      '/referrals',
      referralBody(participantId, elsewhere.orgId),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'toOrgId' })]);
    expect(await rowCounts(service.pool, tables)).toEqual(before);
  });

  test("a date after today on the organization's calendar is refused", async () => {
    const sender = await agency(service);
    const receiver = await provider(service, ['legal_aid']);
    const participantId = await participantOf(service, sender.caseworker);
    // 10:00 in Chicago on June 15: June 16 is tomorrow there
    const answer = await as(sender.caseworker).post(
      '/referrals',
      referralBody(participantId, receiver.orgId, { referralDate: '2026-06-16' }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'referralDate' })]);
  });

  test('a participant of another organization, or whose release expired, is not found', async () => {
    const sender = await agency(service);
    const receiver = await provider(service, ['legal_aid']);
    const hidden = await participantOf(service, testActor());
    const expired = await participantOf(service, testActor(), {
      restriction: 'share_mou',
      releases: [
        { toOrgId: sender.orgId, beginDate: '2025-01-01', endDate: '2026-06-14', revokedAt: null },
      ],
    });
    const before = await rowCounts(service.pool, tables);
    for (const participantId of [hidden, expired, randomUUID()]) {
      const answer = await as(sender.caseworker).post(
        '/referrals',
        referralBody(participantId, receiver.orgId),
      );
      expect(answer.status).toBe(404);
    }
    expect(await rowCounts(service.pool, tables)).toEqual(before);
  });

  test('an unknown field or a bad category is a 400 naming it', async () => {
    const sender = await agency(service);
    const answer = await as(sender.caseworker).post('/referrals', {
      ...referralBody(randomUUID(), randomUUID()),
      releasedCategories: ['everything'],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: 'releasedCategories.0' }),
    ]);
  });
});

describe("the receiver's access", () => {
  test('the receiver sees the referred participant while pending, and not once the sender withdraws', async () => {
    const { sender, receiver, participantId, referral } = await pendingReferral();
    const worker = receiver.caseworker;
    const ofParticipant = `/referrals?participantId=${participantId}`;
    expect(
      (await as(worker).get(ofParticipant)).body.items.map((r: { id: string }) => r.id),
    ).toEqual([referral.id]);
    expect((await as(worker).get(`/referrals/${referral.id}`)).status).toBe(200);
    const incoming = await as(worker).get('/referrals?direction=incoming&status=pending');
    expect(incoming.body.items.map((r: { id: string }) => r.id)).toEqual([referral.id]);

    const withdrawn = await as(sender.caseworker).post(`/referrals/${referral.id}/status`, {
      status: 'withdrawn',
      reason: 'Entered for the wrong client',
    });
    expect(withdrawn.status).toBe(200);
    expect((await as(worker).get(ofParticipant)).status).toBe(404);
    expect((await as(worker).get(`/referrals/${referral.id}`)).status).toBe(404);
    expect((await as(worker).get('/referrals?direction=incoming')).body.items).toEqual([]);
    const events = await outboxEvents(service.pool, ReferralWithdrawn);
    expect(events.filter((e) => e.data.referralId === referral.id)).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ status: 'withdrawn', version: 2 }),
      }),
    ]);
  });

  test('a rejection ends the grant too; a third organization never had one', async () => {
    const { receiver, participantId, referral } = await pendingReferral();
    const third = await agency(service);
    expect((await as(third.caseworker).get(`/referrals/${referral.id}`)).status).toBe(404);
    expect(
      (await as(third.caseworker).get(`/referrals?participantId=${participantId}`)).status,
    ).toBe(404);
    await as(receiver.caseworker).post(`/referrals/${referral.id}/status`, { status: 'rejected' });
    expect(
      (await as(receiver.caseworker).get(`/referrals?participantId=${participantId}`)).status,
    ).toBe(404);
  });

  test('the grant reads, never writes: the receiver cannot refer the participant on', async () => {
    const { receiver, participantId } = await pendingReferral();
    const read = await as(receiver.caseworker).get(`/referrals?participantId=${participantId}`);
    expect(read.status).toBe(200);
    const onward = await provider(service, ['legal_aid']);
    const answer = await as(receiver.caseworker).post(
      '/referrals',
      referralBody(participantId, onward.orgId),
    );
    expect(answer.status).toBe(404);
  });
});

describe('answering a referral', () => {
  test('the receiver accepts once: accepting twice is a 409 that writes nothing', async () => {
    const { sender, receiver, referral } = await pendingReferral();
    const accepted = await as(receiver.caseworker).post(`/referrals/${referral.id}/status`, {
      status: 'accepted',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
    const [event] = (await outboxEvents(service.pool, ReferralStatusChanged)).filter(
      (e) => e.data.referralId === referral.id,
    );
    expect(event.data).toMatchObject({
      status: 'accepted',
      previousStatus: 'pending',
      toOrgId: receiver.orgId,
    });
    const before = await rowCounts(service.pool, tables);
    const again = await as(receiver.caseworker).post(`/referrals/${referral.id}/status`, {
      status: 'accepted',
    });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
    expect(await rowCounts(service.pool, tables)).toEqual(before);
    const shown = await as(sender.caseworker).get(`/referrals/${referral.id}`);
    expect(shown.body.statusHistory.map((s: { status: string }) => s.status)).toEqual([
      'pending',
      'accepted',
    ]);
  });

  test('of five accepts sent at once, one wins and four are 409s', async () => {
    const { receiver, referral } = await pendingReferral();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        as(receiver.caseworker).post(`/referrals/${referral.id}/status`, { status: 'accepted' }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const { rows } = await service.pool.query(
      'SELECT status FROM referral_status_changes WHERE referral_id = $1 ORDER BY seq',
      [referral.id],
    );
    expect(rows.map((r) => r.status)).toEqual(['pending', 'accepted']);
  });

  test('the sending side cannot answer an incoming referral (403), and nothing is written', async () => {
    const { sender, referral } = await pendingReferral();
    const before = await rowCounts(service.pool, tables);
    for (const status of ['accepted', 'rejected']) {
      const answer = await as(sender.caseworker).post(`/referrals/${referral.id}/status`, {
        status,
      });
      expect(answer.status).toBe(403);
    }
    expect(await rowCounts(service.pool, tables)).toEqual(before);
  });

  test('the receiver cannot withdraw, nor edit the sender’s details', async () => {
    const { receiver, referral } = await pendingReferral();
    const withdraw = await as(receiver.caseworker).post(`/referrals/${referral.id}/status`, {
      status: 'withdrawn',
    });
    expect(withdraw.status).toBe(403);
    const edit = await as(receiver.caseworker).patch(`/referrals/${referral.id}`, {
      version: 1,
      comment: 'Rewritten',
    });
    expect(edit.status).toBe(403);
    expect(edit.body.errors).toEqual([expect.objectContaining({ field: 'comment' })]);
    const own = await as(receiver.caseworker).patch(`/referrals/${referral.id}`, {
      version: 1,
      receiverComment: 'Intake call booked',
    });
    expect(own.body).toMatchObject({ receiverComment: 'Intake call booked', version: 2 });
  });

  test('a contract manager of the receiver reads it but may not answer it', async () => {
    const { receiver, referral } = await pendingReferral();
    const reader = testActor({ orgId: receiver.orgId, roles: ['contract_manager'] });
    expect((await as(reader).get(`/referrals/${referral.id}`)).status).toBe(200);
    expect(
      (await as(reader).post(`/referrals/${referral.id}/status`, { status: 'accepted' })).status,
    ).toBe(403);
  });
});

describe('editing, outcome and delete', () => {
  test('the sender edits the version it read; an older version is a 409', async () => {
    const { sender, participantId, referral } = await pendingReferral();
    const { barrierId } = await needOf(service, sender.orgId, [participantId]);
    const edited = await as(sender.caseworker).patch(`/referrals/${referral.id}`, {
      version: 1,
      comment: 'Eviction hearing on June 30',
      barrierIds: [barrierId],
      releasedCategories: ['identifying'],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      comment: 'Eviction hearing on June 30',
      barrierIds: [barrierId],
      releasedCategories: ['identifying'],
      version: 2,
    });
    const stale = await as(sender.caseworker).patch(`/referrals/${referral.id}`, {
      version: 1,
      comment: 'x',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.errors).toEqual([expect.objectContaining({ field: 'version' })]);
  });

  test('the receiver records the outcome of an accepted referral, dated from the referral to today', async () => {
    const { sender, receiver, referral } = await pendingReferral({ referralDate: '2026-06-10' });
    const url = `/referrals/${referral.id}/outcome`;
    const early = await as(receiver.caseworker).put(url, {
      outcomeDate: '2026-06-12',
      result: 'service_provided',
    });
    expect(early.status).toBe(409); // still pending
    await as(receiver.caseworker).post(`/referrals/${referral.id}/status`, { status: 'accepted' });
    const before = await as(receiver.caseworker).put(url, {
      outcomeDate: '2026-06-09',
      result: 'service_provided',
    });
    expect(before.status).toBe(422);
    expect(before.body.errors).toEqual([expect.objectContaining({ field: 'outcomeDate' })]);
    const later = await as(sender.caseworker).patch(`/referrals/${referral.id}`, {
      version: 2,
      referralDate: '2026-06-11',
    });
    expect(later.status).toBe(200); // no outcome yet: any date up to today
    const bySender = await as(sender.caseworker).put(url, {
      outcomeDate: '2026-06-12',
      result: 'service_provided',
    });
    expect(bySender.status).toBe(403);
    const recorded = await as(receiver.caseworker).put(url, {
      outcomeDate: '2026-06-12',
      result: 'service_provided',
      comment: 'Hearing postponed',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.outcome).toEqual({
      date: '2026-06-12',
      result: 'service_provided',
      comment: 'Hearing postponed',
    });
    const [event] = (await outboxEvents(service.pool, ReferralOutcomeRecorded)).filter(
      (e) => e.data.referralId === referral.id,
    );
    expect(event.data).toMatchObject({
      outcomeDate: '2026-06-12',
      result: 'service_provided',
      version: 4,
    });
    expect(event.data).not.toHaveProperty('comment');
    const afterOutcome = await as(sender.caseworker).patch(`/referrals/${referral.id}`, {
      version: 4,
      referralDate: '2026-06-14',
    });
    expect(afterOutcome.status).toBe(422);
    expect(afterOutcome.body.errors).toEqual([expect.objectContaining({ field: 'referralDate' })]);
  });

  test('the sender deletes a referral once withdrawn, never an open one', async () => {
    const { sender, referral } = await pendingReferral();
    expect((await as(sender.caseworker).delete(`/referrals/${referral.id}`)).status).toBe(409);
    await as(sender.caseworker).post(`/referrals/${referral.id}/status`, { status: 'withdrawn' });
    expect((await as(sender.caseworker).delete(`/referrals/${referral.id}`)).status).toBe(204);
    expect((await as(sender.caseworker).get(`/referrals/${referral.id}`)).status).toBe(404);
  });
});

describe('incoming referrals', () => {
  test('they are paged newest first and found by participant', async () => {
    const receiver = await provider(service, ['legal_aid']);
    const sender = await agency(service);
    const participants = [
      await participantOf(service, sender.caseworker),
      await participantOf(service, sender.caseworker),
      await participantOf(service, sender.caseworker),
    ];
    const dates = ['2026-06-01', '2026-06-03', '2026-06-02'];
    const ids: string[] = [];
    for (const [i, p] of participants.entries()) {
      const made = await as(sender.caseworker).post(
        '/referrals',
        referralBody(p, receiver.orgId, { referralDate: dates[i] }),
      );
      ids.push(made.body.id);
    }
    const first = await as(receiver.caseworker).get('/referrals?direction=incoming&limit=2');
    expect(first.body.items.map((r: { id: string }) => r.id)).toEqual([ids[1], ids[2]]);
    const second = await as(receiver.caseworker).get(
      `/referrals?direction=incoming&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body).toEqual({
      items: [expect.objectContaining({ id: ids[0] })],
      nextCursor: null,
    });
    const one = await as(receiver.caseworker).get(
      `/referrals?direction=incoming&participantId=${participants[2]}`,
    );
    expect(one.body.items.map((r: { id: string }) => r.id)).toEqual([ids[2]]);
    expect(
      (await as(receiver.caseworker).get('/referrals?direction=incoming&cursor=nope')).status,
    ).toBe(400);
  });

  test('a list without a participant or a direction is a 400 naming participantId', async () => {
    const answer = await as(testActor()).get('/referrals');
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'participantId' })]);
  });
});
