import { randomUUID } from 'node:crypto';
import { apiClient, startServiceForTest, type TestService } from '@hearth/testkit';
import { referrals } from '../src/app';
import { referralsEnv } from '../src/config';
import { SEEDED_INDEX, ceManagerOf } from './ce-fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(referrals, referralsEnv);
});
afterAll(() => service?.close());

const manager = ceManagerOf();

test('its OpenAPI document lists the coordinated-entry routes', async () => {
  const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
    paths: Record<string, unknown>;
  };
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/assessments',
      '/api/v1/assessments/definitions/{id}',
      '/api/v1/housing-queue',
      '/api/v1/housing-queue/queues',
      '/api/v1/vacancies/{id}/match',
      '/api/v1/vacancies/{id}/acceptance',
      '/api/v1/vacancies/{id}/rejection',
    ]),
  );
});

test.each([
  ['get', '/housing-queue?queueId=not-a-uuid', undefined, 'query.queueId'],
  ['get', '/housing-queue?cursor=%%%', undefined, 'cursor'],
  ['get', '/vacancies?replyOverdue=maybe', undefined, 'query.replyOverdue'],
  ['get', '/vacancies?cursor=eyJ4IjoxfQ', undefined, 'cursor'],
  [
    'post',
    '/vacancies',
    { program: 'P', unitType: 'u', householdSize: 0, availableFrom: '2026-12-01' },
    'householdSize',
  ],
  [
    'post',
    '/vacancies',
    { program: 'P', unitType: 'u', householdSize: 1, availableFrom: '0000-01-01' },
    'availableFrom',
  ],
  [
    'post',
    '/housing-queue/queues',
    { name: 'Q', ordering: [{ factor: 'ssn; DROP', direction: 'asc' }] },
    'ordering.0.factor',
  ],
  [
    'post',
    '/assessments',
    {
      participantId: randomUUID(),
      definitionId: SEEDED_INDEX,
      assessmentDate: '2026-11-31',
      answers: [],
    },
    'assessmentDate',
  ],
  [
    'post',
    '/housing-queue',
    { participantId: randomUUID(), homelessSince: '2026-01-01', householdSize: 1, extra: 1 },
    undefined,
  ],
])('%s %s is a 400 naming the field', async (method, path, body, field) => {
  const api = apiClient(service.url, manager);
  const res = method === 'get' ? await api.get(path) : await api.post(path, body);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
});

test('unknown vacancies, entries, queues and definitions are 404s, never 500s', async () => {
  const api = apiClient(service.url, manager);
  expect((await api.get(`/vacancies/${randomUUID()}`)).status).toBe(404);
  expect((await api.post(`/vacancies/${randomUUID()}/acceptance`)).status).toBe(404);
  expect((await api.post(`/vacancies/${randomUUID()}/rejection`, { reason: 'x' })).status).toBe(
    404,
  );
  expect(
    (await api.post(`/vacancies/${randomUUID()}/match`, { queueEntryId: randomUUID() })).status,
  ).toBe(404);
  expect((await api.post(`/housing-queue/${randomUUID()}/removal`, { reason: 'x' })).status).toBe(
    404,
  );
  expect((await api.get(`/housing-queue?queueId=${randomUUID()}`)).status).toBe(404);
  expect((await api.get(`/assessments/definitions/${randomUUID()}`)).status).toBe(404);
  const edit = await api.put(`/assessments/definitions/${randomUUID()}`, {
    version: 1,
    name: 'N',
    questions: [{ id: 'q', label: 'Q', options: [{ value: 'a', label: 'A', points: 1 }] }],
  });
  expect(edit.status).toBe(404);
});
