import { randomBytes, randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { enrollment, enrollmentEnv } from '@hearth/enrollment';
import { ReferralCreated } from '@hearth/events';
import { intake, intakeEnv } from '@hearth/intake';
import { services, servicesEnv } from '@hearth/services';
import {
  bodyOf,
  mintToken,
  startServiceForTest,
  testActor,
  waitFor,
  type Body,
  type TestService,
} from '@hearth/testkit';
import { documents } from '../../services/documents/src/app';
import { documentsEnv } from '../../services/documents/src/config';
import { fssp } from '../../services/fssp/src/app';
import { fsspEnv } from '../../services/fssp/src/config';
import { notifications } from '../../services/notifications/src/app';
import { notificationsEnv } from '../../services/notifications/src/config';
import { referrals } from '../../services/referrals/src/app';
import { referralsEnv } from '../../services/referrals/src/config';
import { rentAssistance } from '../../services/rent-assistance/src/app';
import { rentAssistanceEnv } from '../../services/rent-assistance/src/config';
import { startGateway } from './harness';

/**
 * GET /api/v1/participants/{id}/dashboard against the real services, all on one exchange so
 * intake's sharing events reach each of them: every service applies its own access rules to the
 * caller's token, and one that is down is named instead of failing the answer.
 */
const worker = testActor({ roles: ['caseworker'] });
const started: Record<string, TestService> = {};
let gateway: Awaited<ReturnType<typeof startGateway>>;
let participantId: string;
const mongo = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:57017/');
mongo.pathname = `/dashboard_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const mongoUrl = mongo.toString();

beforeAll(async () => {
  const intakeService = await startServiceForTest(intake, intakeEnv, {
    env: { SSN_KEYS: `test:${randomBytes(32).toString('base64')}`, SSN_ACTIVE_KEY_ID: 'test' },
  });
  started.intake = intakeService;
  const peer = { exchange: intakeService.exchange };
  const [en, se, re, fs, ra, no, docs] = await Promise.all([
    startServiceForTest(enrollment, enrollmentEnv, peer),
    startServiceForTest(services, servicesEnv, peer),
    startServiceForTest(referrals, referralsEnv, peer),
    startServiceForTest(fssp, fsspEnv, peer),
    startServiceForTest(rentAssistance, rentAssistanceEnv, peer),
    startServiceForTest(notifications, notificationsEnv, peer),
    // a Mongo database of its own, dropped with the Postgres one when it closes
    startServiceForTest(documents, documentsEnv, { ...peer, env: { MONGO_URL: mongoUrl } }),
  ]);
  Object.assign(started, { en, se, re, fs, ra, no, docs });
  gateway = await startGateway(
    { identity: intakeService.url, intake: intakeService.url, enrollment: en.url },
    {
      SERVICES_URL: se.url,
      REFERRALS_URL: re.url,
      FSSP_URL: fs.url,
      RENT_ASSISTANCE_URL: ra.url,
      NOTIFICATIONS_URL: no.url,
      DOCUMENTS_URL: docs.url,
      UPSTREAM_TIMEOUT_MS: '5000',
    },
  );
  const created = await fetch(`${intakeService.url}/api/v1/participants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mintToken(worker)}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      firstName: 'Amina',
      lastName: 'Odhiambo',
      birthDate: '1990-04-02',
      sex: 'female',
    }),
  });
  participantId = (await bodyOf(created)).id;
  // each service shows the participant once intake's sharing event has reached it
  await waitFor(
    async () => (await dashboardOf(participantId)).body.withheld?.length === 0,
    20_000,
    "every service's sharing facts",
  );
}, 90_000);

afterAll(async () => {
  await gateway?.close();
  // eight services to close, each dropping its database: at once
  await Promise.all(Object.values(started).map((s) => s.close().catch(() => undefined)));
  const client = await MongoClient.connect(mongoUrl);
  await client.db().dropDatabase();
  await client.close();
}, 90_000);

const dashboardOf = async (id: string, actor = worker, query = '') => {
  const res = await fetch(`${gateway.url}/api/v1/participants/${id}/dashboard${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
  return { status: res.status, body: (await bodyOf(res)) as Body };
};

const PARTS = [
  'enrollments',
  'services',
  'referrals',
  'fssps',
  'rentAssistanceRecords',
  'documents',
  'notifications',
];

test("a participant's dashboard has intake's record and every service's part, each through the caller's token", async () => {
  // a notice about her to the worker's organization, from referrals' event
  const referralId = randomUUID();
  await (started.no as TestService).publish(ReferralCreated, {
    referralId,
    participantId,
    fromOrgId: randomUUID(),
    fromUserId: randomUUID(),
    toOrgId: worker.orgId,
    referralService: 'Housing search',
    referralDate: '2026-12-01',
    status: 'pending',
    version: 1,
    releasedCategories: ['identifying'],
  });
  const { status, body } = await dashboardOf(participantId);
  expect(status).toBe(200);
  expect(body).toMatchObject({
    participantId,
    participant: { id: participantId, firstName: 'Amina' },
    unavailable: [],
    withheld: [],
  });
  for (const part of PARTS.filter((p) => p !== 'notifications'))
    expect(body[part]).toEqual({ items: [], nextCursor: null });
  expect(body.notifications.items).toEqual([
    expect.objectContaining({
      participantId,
      link: expect.objectContaining({ recordId: referralId }),
    }),
  ]);
});

test('a participant another organization keeps to itself answers 404, with no part of it', async () => {
  const stranger = testActor({ roles: ['caseworker'] });
  const { status, body } = await dashboardOf(participantId, stranger);
  expect(status).toBe(404);
  expect(JSON.stringify(body)).not.toContain('Amina');
  expect((await dashboardOf(randomUUID())).status).toBe(404);
});

test('an id that is no UUID or an unknown query parameter answers 400 naming it', async () => {
  const bad = await dashboardOf('not-a-uuid');
  expect(bad.status).toBe(400);
  expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
  const unknown = await dashboardOf(participantId, worker, '?limit=5');
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'query.limit' })]);
});

test('the dashboard is in the merged OpenAPI with every status it answers', async () => {
  const doc = await bodyOf(await fetch(`${gateway.url}/openapi.json`));
  const path = doc.paths['/api/v1/participants/{id}/dashboard'];
  expect(Object.keys(path.get.responses).sort()).toEqual(['200', '400', '401', '403', '404']);
});

test('a stopped service is named in unavailable and the others still answer 200', async () => {
  await started.docs.close();
  delete started.docs;
  const { status, body } = await dashboardOf(participantId);
  expect(status).toBe(200);
  expect(body.unavailable).toEqual(['documents']);
  expect(body.documents).toBeNull();
  expect(body.participant.id).toBe(participantId);
  expect(body.enrollments).toEqual({ items: [], nextCursor: null });
});
