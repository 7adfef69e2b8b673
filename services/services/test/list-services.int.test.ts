import { randomUUID } from 'node:crypto';
import { apiClient, startServiceForTest, waitFor, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** A participant of an organization with two enrollments and services on the given dates. */
async function withServices(
  sharing: Parameters<typeof participantOf>[2] = {},
  dates = ['2026-02-01', '2026-03-05', '2026-01-20'],
) {
  const org = organization();
  const participantId = await participantOf(service, org.orgId, sharing);
  const programId = randomUUID();
  const first = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    headParticipantId: participantId,
  });
  const second = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    headParticipantId: participantId,
  });
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId);
  const ids: string[] = [];
  for (const [i, serviceDate] of dates.entries()) {
    const enrollmentId = (i === 0 ? second : first).enrollmentId;
    const answer = await apiClient(service.url, org.worker).post('/services', {
      participantId,
      enrollmentId,
      serviceTypeId,
      serviceDate,
    });
    expect(answer.status).toBe(201);
    ids.push(answer.body.id);
  }
  return { ...org, participantId, first, second, ids };
}

test("a participant's services are listed newest service date first, paged by cursor", async () => {
  const p = await withServices();
  const client = apiClient(service.url, p.worker);
  const one = await client.get(`/services?participantId=${p.participantId}&limit=2`);
  expect(one.status).toBe(200);
  expect(one.body.items.map((s: { serviceDate: string }) => s.serviceDate)).toEqual([
    '2026-03-05',
    '2026-02-01',
  ]);
  expect(one.body.nextCursor).toEqual(expect.any(String));
  const two = await client.get(
    `/services?participantId=${p.participantId}&limit=2&cursor=${one.body.nextCursor}`,
  );
  expect(two.body.items.map((s: { serviceDate: string }) => s.serviceDate)).toEqual(['2026-01-20']);
  expect(two.body.nextCursor).toBeNull();
});

test('enrollmentId narrows the list to that enrollment', async () => {
  const p = await withServices();
  const answer = await apiClient(service.url, p.worker).get(
    `/services?participantId=${p.participantId}&enrollmentId=${p.second.enrollmentId}`,
  );
  expect(answer.body.items.map((s: { id: string }) => s.id)).toEqual([p.ids[0]]);
});

test('one service is read by its id; an unknown id is 404', async () => {
  const p = await withServices();
  const client = apiClient(service.url, p.worker);
  const one = await client.get(`/services/${p.ids[1]}`);
  expect(one.status).toBe(200);
  expect(one.body).toMatchObject({ id: p.ids[1], serviceDate: '2026-03-05' });
  expect((await client.get(`/services/${randomUUID()}`)).status).toBe(404);
});

test('another organization without a release sees neither the list nor one service: 404, audited', async () => {
  const p = await withServices();
  const stranger = apiClient(service.url, organization().worker);
  expect((await stranger.get(`/services?participantId=${p.participantId}`)).status).toBe(404);
  expect((await stranger.get(`/services/${p.ids[0]}`)).status).toBe(404);
  // the denial is written after the answer (no timing oracle): wait for it
  await waitFor(
    async () =>
      (
        await service.pool.query('SELECT 1 FROM access_denials WHERE participant_id = $1', [
          p.participantId,
        ])
      ).rowCount === 2,
    5_000,
    'both denials in the audit',
  );
});

test('an organization whose release expired is answered 404; one with an active release reads', async () => {
  const expired = organization();
  const active = organization();
  const p = await withServices({
    securityRestriction: 'share_mou',
    releases: [
      { toOrgId: expired.orgId, beginDate: '2025-01-01', endDate: '2026-03-09' },
      { toOrgId: active.orgId, beginDate: '2025-01-01', endDate: '2026-03-10' },
    ],
  });
  const late = apiClient(service.url, expired.worker);
  expect((await late.get(`/services?participantId=${p.participantId}`)).status).toBe(404);
  expect((await late.get(`/services/${p.ids[0]}`)).status).toBe(404);
  const partner = apiClient(service.url, active.worker);
  const list = await partner.get(`/services?participantId=${p.participantId}`);
  expect(list.status).toBe(200);
  expect(list.body.items).toHaveLength(3);
});

test('a foreign cursor or an unknown parameter is a 400, never a 500', async () => {
  const p = await withServices({}, ['2026-03-01']);
  const client = apiClient(service.url, p.worker);
  const cursor = await client.get(`/services?participantId=${p.participantId}&cursor=bm90LWpzb24`);
  expect(cursor.status).toBe(400);
  const unknown = await client.get(`/services?participantId=${p.participantId}&orgId=x`);
  expect(unknown.status).toBe(400);
  const missing = await client.get('/services');
  expect(missing.status).toBe(400);
  expect(missing.body.errors[0].field).toBe('query.participantId');
});
