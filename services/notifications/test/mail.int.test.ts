import { randomUUID } from 'node:crypto';
import { FsspFollowUpDue, PlacementMade, ReferralCreated } from '@hearth/events';
import {
  apiClient,
  sharedParticipant,
  startServiceForTest,
  tcpProxy,
  testActor,
  waitFor,
  type TestService,
} from '@hearth/testkit';
import { notifications } from '../src/app';
import { notificationsEnv } from '../src/config';
import { smtpCatcher } from './smtp-catcher';

jest.setTimeout(60_000);

let smtp: Awaited<ReturnType<typeof smtpCatcher>>;
let line: Awaited<ReturnType<typeof tcpProxy>>; // the mail server's wire, which a test can cut
let service: TestService;
let aheadMs = 0; // how far the service's clock runs ahead of the wall clock
beforeAll(async () => {
  smtp = await smtpCatcher();
  line = await tcpProxy(smtp.url);
  service = await startServiceForTest(notifications, notificationsEnv, {
    env: { SMTP_URL: line.url, MAIL_EVERY_MS: '1000', PUBLIC_BASE_URL: 'https://hearth.example' },
    clock: () => new Date(Date.now() + aheadMs),
  });
});
afterAll(async () => {
  await service?.close();
  await line?.close();
  await smtp?.close();
});

const as = (actor: ReturnType<typeof testActor>) => apiClient(service.url, actor);
const mailTo = (address: string) => smtp.caught.filter((m) => m.to.includes(address));

async function optIn(actor: ReturnType<typeof testActor>, firstName: string) {
  const email = `${randomUUID()}@agency.example`;
  const answer = await as(actor).put('/notifications/mail-address', { email, firstName });
  expect(answer.status).toBe(200);
  return email;
}

async function placement(manager: ReturnType<typeof testActor>) {
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
  return { referralId, participantId };
}

test('a placement is mailed to the referring case manager: their first name and a link, no client data', async () => {
  const manager = testActor();
  const email = await optIn(manager, 'Dana');
  const { referralId, participantId } = await placement(manager);
  await waitFor(() => mailTo(email).length > 0, 10_000, 'the mail');
  const [mail] = mailTo(email);
  expect(mail.text).toContain('Subject: Hearth: a placement was accepted');
  expect(mail.text).toContain('Hello Dana,');
  expect(mail.text).toContain(
    `Open it in Hearth: https://hearth.example/api/v1/referrals/${referralId}`,
  );
  expect(mail.text).not.toContain(participantId);
  expect(mail.text).not.toContain('Rapid Rehousing');
  expect(mailTo(email)).toHaveLength(1);
});

test('an incoming referral is mailed to each user of the receiving organization who opted in, and to no one else', async () => {
  const receiver = testActor();
  const colleague = testActor({ orgId: receiver.orgId }); // no address: in-app only
  const stranger = testActor();
  const email = await optIn(receiver, 'Sam');
  const strangerEmail = await optIn(stranger, 'Lee');
  const referralId = randomUUID();
  await service.publish(ReferralCreated, {
    referralId,
    participantId: await sharedParticipant(service.pool, randomUUID()),
    fromOrgId: randomUUID(),
    fromUserId: randomUUID(),
    toOrgId: receiver.orgId,
    referralService: 'Housing search',
    referralDate: '2026-12-01',
    status: 'pending',
    version: 1,
    releasedCategories: [],
  });
  await waitFor(() => mailTo(email).length > 0, 10_000, 'the mail');
  const [mail] = mailTo(email);
  expect(mail.text).toContain('Subject: Hearth: a new incoming referral');
  expect(mail.text).toContain(referralId);
  expect(mail.text).not.toContain('Housing search');
  expect((await as(colleague).get('/notifications')).body.items).toHaveLength(1);
  const { rows } = await service.pool.query(
    'SELECT to_address FROM mail_outbox m JOIN notices n ON n.id = m.notice_id WHERE n.record_id = $1',
    [referralId],
  );
  expect(rows).toEqual([{ to_address: email }]);
  expect(mailTo(strangerEmail)).toEqual([]);
});

test('an FSSP follow-up due is not mailed, only shown', async () => {
  const worker = testActor();
  await optIn(worker, 'Kim');
  const planId = randomUUID();
  await service.publish(FsspFollowUpDue, {
    planId,
    orgId: worker.orgId,
    headParticipantId: await sharedParticipant(service.pool, worker.orgId),
    caseWorkerUserId: worker.userId,
    followUp: 'twelve_month',
    dueDate: '2026-12-20',
  });
  expect((await as(worker).get('/notifications')).body.items).toHaveLength(1);
  const { rows } = await service.pool.query(
    'SELECT count(*)::int AS n FROM mail_outbox m JOIN notices n ON n.id = m.notice_id WHERE n.record_id = $1',
    [planId],
  );
  expect(rows[0].n).toBe(0);
});

test('with the mail server down the notice shows at once, the mail waits with back-off and is delivered once after it returns', async () => {
  const manager = testActor();
  const email = await optIn(manager, 'Ari');
  line.cut();
  try {
    const { referralId } = await placement(manager);
    // the in-app notice does not wait for the mail
    expect((await as(manager).get('/notifications')).body.items).toEqual([
      expect.objectContaining({
        kind: 'placement',
        link: expect.objectContaining({ recordId: referralId }),
      }),
    ]);
    const failed = await waitFor(
      async () => {
        const { rows } = await service.pool.query(
          'SELECT attempts, sent_at, last_error, next_attempt_at FROM mail_outbox WHERE to_address = $1',
          [email],
        );
        return rows[0]?.attempts >= 1 && rows[0];
      },
      15_000,
      'a failed attempt',
    );
    expect(failed.sent_at).toBeNull();
    expect(failed.last_error).toEqual(expect.any(String));
    // the first retry waits 30 s: nothing is tried again before it
    await new Promise((r) => setTimeout(r, 2_000));
    const { rows } = await service.pool.query(
      'SELECT attempts FROM mail_outbox WHERE to_address = $1',
      [email],
    );
    expect(rows[0].attempts).toBe(failed.attempts);
    expect(mailTo(email)).toEqual([]);
  } finally {
    line.restore();
  }
  aheadMs += 3_600_000; // past any back-off
  await waitFor(() => mailTo(email).length, 15_000, 'the mail after the server returned');
  await new Promise((r) => setTimeout(r, 2_500)); // more runs of the job: nothing is sent again
  aheadMs += 3_600_000;
  await new Promise((r) => setTimeout(r, 2_500));
  expect(mailTo(email)).toHaveLength(1);
  const { rows } = await service.pool.query(
    'SELECT sent_at FROM mail_outbox WHERE to_address = $1',
    [email],
  );
  expect(rows[0].sent_at).not.toBeNull();
});

describe('your mail address', () => {
  test('is set, read and removed; without one the answers are 404', async () => {
    const me = testActor();
    expect((await as(me).get('/notifications/mail-address')).status).toBe(404);
    const email = await optIn(me, 'Noor');
    expect((await as(me).get('/notifications/mail-address')).body).toEqual({
      email,
      firstName: 'Noor',
    });
    // per organization: the same person in another agency has none there
    expect(
      (await as({ ...me, orgId: randomUUID() }).get('/notifications/mail-address')).status,
    ).toBe(404);
    expect((await as(me).delete('/notifications/mail-address')).status).toBe(204);
    expect((await as(me).delete('/notifications/mail-address')).status).toBe(404);
  });

  test('a malformed address, an empty name or an unknown field answer 400 naming it', async () => {
    const me = testActor();
    for (const [body, field] of [
      [{ email: 'not-an-address', firstName: 'A' }, 'email'],
      [{ email: 'a@b.example', firstName: '  ' }, 'firstName'],
      [{ email: 'a@b.example', firstName: 'A', cc: 'x@y.example' }, 'cc'],
    ] as const) {
      const answer = await as(me).put('/notifications/mail-address', body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    expect((await as(me).get('/notifications/mail-address')).status).toBe(404);
  });
});
