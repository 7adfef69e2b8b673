import { randomUUID } from 'node:crypto';
import { applySharingState } from '@hearth/sharing';
import { apiClient, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';

/** The service on a fresh database, isolated on the shared broker, with the testkit's keys. */
let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv);
});
afterAll(() => service?.close());

test('it answers /healthz, and /readyz once its database and broker answer', async () => {
  expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  const ready = await fetch(`${service.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(((await ready.json()) as { checks: Record<string, string> }).checks).toMatchObject({
    database: 'ok',
    broker: 'ok',
  });
});

test('its migrations ran on its own database', async () => {
  const answer = await apiClient(service.url, testActor()).get('/rent-assistance/about');
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    service: 'rent-assistance',
    migrations: [
      '001_rent_assistance.sql',
      '002_engagement_and_plans.sql',
      '003_payments.sql',
      '020_payments_by_date.sql',
      '021_outcomes.sql',
      '022_retention_follow_ups.sql',
      '050_total_amount_requested.sql',
      '051_received_ra_again.sql',
      '060_workforce_payments.sql',
      '061_workforce_payment_details.sql',
      '062_workforce_plan_by_type.sql',
      '070_workforce_plan_version.sql',
    ],
    schemaVersion: 70,
  });
  const table = await service.pool.query("SELECT to_regclass('ra_records') AS name");
  expect(table.rows[0].name).toBe('ra_records');
});

test('without a token its API answers 401 problem+json', async () => {
  const res = await fetch(`${service.url}/api/v1/rent-assistance/about`);
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
});

test('its OpenAPI document lists its route', async () => {
  const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
    paths: Record<string, unknown>;
  };
  expect(Object.keys(doc.paths)).toContain('/api/v1/rent-assistance/about');
});

test('its /metrics carries the parked-message gauge of its consumers', async () => {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  expect(text).toMatch(/^# HELP hearth_dead_letter_messages /m);
});

test('a participant whose sharing has not arrived here answers 404, as if unknown (never fail open)', async () => {
  const answer = await apiClient(service.url, testActor()).get(
    `/rent-assistance/participants/${randomUUID()}/records`,
  );
  expect(answer.status).toBe(404);
});

test("once a participant's sharing arrives, their owner organization reads their records", async () => {
  const owner = testActor();
  const participantId = randomUUID();
  await applySharingState(service.pool, {
    participantId,
    ownerOrgId: owner.orgId,
    securityRestriction: 'restrict_to_org',
    releases: [],
    sharingVersion: 1,
  });
  const answer = await apiClient(service.url, owner).get(
    `/rent-assistance/participants/${participantId}/records`,
  );
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ items: [] });
});

test('another organization without a release is answered 404 for the same participant', async () => {
  const participantId = randomUUID();
  await applySharingState(service.pool, {
    participantId,
    ownerOrgId: randomUUID(),
    securityRestriction: 'restrict_to_org',
    releases: [],
    sharingVersion: 1,
  });
  const answer = await apiClient(service.url, testActor()).get(
    `/rent-assistance/participants/${participantId}/records`,
  );
  expect(answer.status).toBe(404);
});
