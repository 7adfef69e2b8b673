import { apiClient, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { notifications } from '../src/app';
import { notificationsEnv } from '../src/config';

/** The service on a fresh database, isolated on the shared broker, with the testkit's keys. */
let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(notifications, notificationsEnv);
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

test('its first migration ran on its own database', async () => {
  const answer = await apiClient(service.url, testActor()).get('/notifications/about');
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    service: 'notifications',
    migrations: [
      '001_notifications.sql',
      '002_mail.sql',
      '003_audit_trail.sql',
      '004_help_tickets.sql',
      '020_paused_workflows.sql',
      '021_rent_assistance_records.sql',
      '022_ra_engagements.sql',
      '030_person_link_audit.sql',
    ],
    schemaVersion: 30,
  });
  const table = await service.pool.query("SELECT to_regclass('notices') AS name");
  expect(table.rows[0].name).toBe('notices');
});

test('without a token its API answers 401 problem+json', async () => {
  const res = await fetch(`${service.url}/api/v1/notifications/about`);
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
});

test('its OpenAPI document lists its route', async () => {
  const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
    paths: Record<string, unknown>;
  };
  expect(Object.keys(doc.paths)).toContain('/api/v1/notifications/about');
});

test('its /metrics carries the parked-message gauge of its consumers', async () => {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  expect(text).toMatch(/^# HELP hearth_dead_letter_messages /m);
});
