import { randomUUID } from 'node:crypto';
import { apiClient, rowCounts, startServiceForTest, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, organization, plainType, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const rsiType = {
  ...plainType,
  name: 'Tutoring',
  requiresComment: true,
  requiresProvidedBy: true,
  providedByOptions: ['RSI staff', 'Partner school'],
};

test("a supervisor adds a type to a program's catalog; the organization lists it", async () => {
  const org = organization();
  const programId = randomUUID();
  const created = await apiClient(service.url, org.supervisor).post('/service-types', {
    ...rsiType,
    programId,
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ ...rsiType, programId, orgId: org.orgId, version: 1 });
  const listed = await apiClient(service.url, org.worker).get(
    `/service-types?programId=${programId}`,
  );
  expect(listed.body).toEqual({ items: [created.body], nextCursor: null });
  const stranger = organization();
  const theirs = await apiClient(service.url, stranger.worker).get(
    `/service-types?programId=${programId}`,
  );
  expect(theirs.body.items).toEqual([]);
  const one = await apiClient(service.url, stranger.worker).get(
    `/service-types/${created.body.id}`,
  );
  expect(one.status).toBe(404);
});

test('a caseworker may not write the catalog', async () => {
  const org = organization();
  const before = await rowCounts(service.pool, ['service_types']);
  const answer = await apiClient(service.url, org.worker).post('/service-types', {
    ...plainType,
    programId: randomUUID(),
  });
  expect(answer.status).toBe(403);
  expect(await rowCounts(service.pool, ['service_types'])).toEqual(before);
});

test('a required provided-by without options, or an unknown rule, is a 400 naming the field', async () => {
  const org = organization();
  const client = apiClient(service.url, org.supervisor);
  const noOptions = await client.post('/service-types', {
    ...plainType,
    requiresProvidedBy: true,
    programId: randomUUID(),
  });
  expect(noOptions.status).toBe(400);
  expect(noOptions.body.errors[0].field).toBe('providedByOptions');
  const unknown = await client.post('/service-types', {
    ...plainType,
    programId: randomUUID(),
    free: true,
  });
  expect(unknown.status).toBe(400);
});

test('two types of one name in one program: the second is a 409 on name', async () => {
  const org = organization();
  const programId = randomUUID();
  const client = apiClient(service.url, org.supervisor);
  expect((await client.post('/service-types', { ...plainType, programId })).status).toBe(201);
  const again = await client.post('/service-types', { ...plainType, programId });
  expect(again.status).toBe(409);
  expect(again.body.errors[0].field).toBe('name');
});

test('an edit applies to the version read and moves it on; a stale version is a 409', async () => {
  const org = organization();
  const id = await serviceTypeOf(service, org.supervisor, randomUUID());
  const client = apiClient(service.url, org.supervisor);
  const changed = await client.patch(`/service-types/${id}`, { version: 1, requiresComment: true });
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({ requiresComment: true, version: 2 });
  const stale = await client.patch(`/service-types/${id}`, { version: 1, dated: true });
  expect(stale.status).toBe(409);
  expect(stale.body.errors[0].field).toBe('version');
  const kept = await client.get(`/service-types/${id}`);
  expect(kept.body).toMatchObject({ dated: false, version: 2 });
});

test("another organization's supervisor cannot edit the type: 404", async () => {
  const org = organization();
  const id = await serviceTypeOf(service, org.supervisor, randomUUID());
  const stranger = organization();
  const answer = await apiClient(service.url, stranger.supervisor).patch(`/service-types/${id}`, {
    version: 1,
    name: 'Taken over',
  });
  expect(answer.status).toBe(404);
});

test('an edit that would require provided-by with no options left is a 422, the type unchanged', async () => {
  const org = organization();
  const id = await serviceTypeOf(service, org.supervisor, randomUUID());
  const client = apiClient(service.url, org.supervisor);
  const answer = await client.patch(`/service-types/${id}`, {
    version: 1,
    requiresProvidedBy: true,
  });
  expect(answer.status).toBe(422);
  expect(answer.body.errors[0].field).toBe('providedByOptions');
  expect((await client.get(`/service-types/${id}`)).body.version).toBe(1);
});
