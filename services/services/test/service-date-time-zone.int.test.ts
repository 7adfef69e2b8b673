import { randomUUID } from 'node:crypto';
import { OrganizationUpdated } from '@hearth/events';
import {
  apiClient,
  publishAndWait,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { nextVersion, organizationIn } from './directory-fixtures';
import { enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

/** The service's "now", set by each test. */
let now = new Date('2026-03-10T12:00:00Z');
type Answer = Awaited<ReturnType<ReturnType<typeof apiClient>['post']>>;
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => now });
});
afterAll(() => service?.close());

/** An organization in `timeZone` (none: not arrived), its participant enrolled since Jan 5. */
async function enrolledIn(timeZone?: string) {
  const org = organization();
  if (timeZone) await organizationIn(service, org.orgId, timeZone);
  const programId = randomUUID();
  const participantId = await participantOf(service, org.orgId);
  const enrollment = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    headParticipantId: participantId,
  });
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId);
  const on = (serviceDate: string) => ({
    participantId,
    enrollmentId: enrollment.enrollmentId,
    serviceTypeId,
    serviceDate,
  });
  return { ...org, on };
}

/** Expect a 422 naming serviceDate, with nothing written. */
async function refusedAsFuture(answer: Promise<Answer>) {
  const before = await rowCounts(service.pool, ['services', 'outbox']);
  const { status, body } = await answer;
  expect(status).toBe(422);
  expect(body.errors).toEqual([{ field: 'serviceDate', message: 'Must not be in the future' }]);
  expect(await rowCounts(service.pool, ['services', 'outbox'])).toEqual(before);
}

describe("a service date is never in the future on the organization's calendar", () => {
  // 2026-03-11T04:30Z: Chicago keeps daylight time since Mar 8 (UTC−5), so it is 23:30 on Mar 10.
  const chicagoEvening = new Date('2026-03-11T04:30:00Z');

  test('in Chicago at 23:30 on Mar 10 (04:30 UTC on Mar 11), Mar 10 is today: accepted', async () => {
    now = chicagoEvening;
    const s = await enrolledIn('America/Chicago');
    const answer = await apiClient(service.url, s.worker).post('/services', s.on('2026-03-10'));
    expect(answer.status).toBe(201);
  });

  test('then Mar 11, already today in UTC, is still tomorrow in Chicago: refused', async () => {
    now = chicagoEvening;
    const s = await enrolledIn('America/Chicago');
    await refusedAsFuture(apiClient(service.url, s.worker).post('/services', s.on('2026-03-11')));
  });

  test('in Nairobi (UTC+3) at 22:30 UTC on Mar 10 it is 01:30 on Mar 11: Mar 11 is accepted', async () => {
    now = new Date('2026-03-10T22:30:00Z');
    const s = await enrolledIn('Africa/Nairobi');
    const answer = await apiClient(service.url, s.worker).post('/services', s.on('2026-03-11'));
    expect(answer.status).toBe(201);
  });

  test('an edit to a date tomorrow in Chicago is refused, the record unchanged', async () => {
    now = chicagoEvening;
    const s = await enrolledIn('America/Chicago');
    const client = apiClient(service.url, s.worker);
    const saved = await client.post('/services', s.on('2026-03-10'));
    await refusedAsFuture(
      client.patch(`/services/${saved.body.id}`, { version: 1, serviceDate: '2026-03-11' }),
    );
    expect((await client.get(`/services/${saved.body.id}`)).body).toMatchObject({
      serviceDate: '2026-03-10',
      version: 1,
    });
  });

  test('a changed time zone decides from then on (Chicago → Nairobi: Mar 11 at 04:30 UTC)', async () => {
    now = chicagoEvening;
    const s = await enrolledIn('America/Chicago');
    await publishAndWait(service, OrganizationUpdated, {
      organizationId: s.orgId,
      name: 'Moved Agency',
      kind: 'other',
      timeZone: 'Africa/Nairobi',
      version: nextVersion(),
    });
    const answer = await apiClient(service.url, s.worker).post('/services', s.on('2026-03-11'));
    expect(answer.status).toBe(201);
  });

  test('an organization whose time zone has not arrived gets the earliest date on Earth (UTC−12)', async () => {
    // 11:30 UTC on Mar 10 is 23:30 on Mar 9 at UTC−12: Mar 10 might be tomorrow somewhere
    now = new Date('2026-03-10T11:30:00Z');
    const s = await enrolledIn();
    await refusedAsFuture(apiClient(service.url, s.worker).post('/services', s.on('2026-03-10')));
    const yesterday = await apiClient(service.url, s.worker).post('/services', s.on('2026-03-09'));
    expect(yesterday.status).toBe(201);
  });
});
