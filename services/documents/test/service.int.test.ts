import { apiClient, testActor } from '@hearth/testkit';
import { startDocuments, type Documents } from './support/documents';

/** The service on fresh databases (Postgres and MongoDB), isolated on the shared broker. */
let service: Documents;

beforeAll(async () => {
  service = await startDocuments();
});
afterAll(() => service?.close());

test('it answers /healthz, and /readyz once its database and broker answer', async () => {
  expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
  const ready = await fetch(`${service.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(((await ready.json()) as { checks: Record<string, string> }).checks).toMatchObject({
    database: 'ok',
    broker: 'ok',
    mongo: 'ok',
  });
});

test('its migrations ran on its own database, and the placeholder table is gone', async () => {
  const answer = await apiClient(service.url, testActor()).get('/documents/about');
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({
    service: 'documents',
    migrations: ['001_documents.sql', '002_documents_on_mongodb.sql'],
    schemaVersion: 2,
  });
  const table = await service.pool.query("SELECT to_regclass('documents_records') AS name");
  expect(table.rows[0].name).toBeNull();
});

test('without a token its API answers 401 problem+json', async () => {
  const res = await fetch(`${service.url}/api/v1/documents/about`);
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
});

test('its OpenAPI document lists its route', async () => {
  const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
    paths: Record<string, unknown>;
  };
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(['/api/v1/documents/about', '/api/v1/documents']),
  );
});

test('its /metrics carries the parked-message gauge of its consumers', async () => {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  expect(text).toMatch(/^# HELP hearth_dead_letter_messages /m);
});
