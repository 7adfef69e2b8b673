import { randomUUID } from 'node:crypto';
import { ServiceRecorded } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, TODAY, enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** An organization, its participant enrolled in a program since 2026-01-05, and a plain type. */
async function enrolled(typeRules = {}) {
  const org = organization();
  const programId = randomUUID();
  const participantId = await participantOf(service, org.orgId);
  const enrollment = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    headParticipantId: participantId,
  });
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId, typeRules);
  const body = {
    participantId,
    enrollmentId: enrollment.enrollmentId,
    serviceTypeId,
    serviceDate: TODAY,
  };
  return { ...org, programId, participantId, enrollment, serviceTypeId, body };
}

const tables = ['services', 'outbox'];

/** Post, expect a 422 naming `field`, and prove nothing was written. */
async function refused(
  actor: ReturnType<typeof organization>['worker'],
  body: object,
  field: string,
) {
  const before = await rowCounts(service.pool, tables);
  const answer = await apiClient(service.url, actor).post('/services', body);
  expect(answer.status).toBe(422);
  expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(answer.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  expect(await rowCounts(service.pool, tables)).toEqual(before);
}

test('a service recorded today is saved with the actor as staff and announced for enrollment', async () => {
  const s = await enrolled();
  const answer = await apiClient(service.url, s.worker).post('/services', s.body);
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({
    participantId: s.participantId,
    enrollmentId: s.enrollment.enrollmentId,
    serviceTypeId: s.serviceTypeId,
    serviceDate: '2026-03-10',
    staffUserId: s.worker.userId,
    orgId: s.orgId,
    version: 1,
  });
  expect(answer.headers.get('location')).toBe(`/api/v1/services/${answer.body.id}`);
  const events = (await outboxEvents(service.pool, ServiceRecorded)).filter(
    (e) => e.data.serviceId === answer.body.id,
  );
  expect(events).toHaveLength(1);
  expect(events[0].orgId).toBe(s.orgId);
  expect(events[0].data).toEqual({
    serviceId: answer.body.id,
    participantId: s.participantId,
    enrollmentId: s.enrollment.enrollmentId,
    serviceTypeId: s.serviceTypeId,
    serviceDate: '2026-03-10',
    startsParticipation: true,
    qualifying: true,
    category: null,
  });
});

test("the event carries the type's own participation and qualifying flags", async () => {
  const s = await enrolled({ startsParticipation: false, updatesLastQualifyingDate: false });
  const answer = await apiClient(service.url, s.worker).post('/services', s.body);
  expect(answer.status).toBe(201);
  const [event] = (await outboxEvents(service.pool, ServiceRecorded)).filter(
    (e) => e.data.serviceId === answer.body.id,
  );
  expect(event.data).toMatchObject({ startsParticipation: false, qualifying: false });
});

test('tomorrow (UTC) is in the future: refused on serviceDate', async () => {
  const s = await enrolled();
  await refused(s.worker, { ...s.body, serviceDate: '2026-03-11' }, 'serviceDate');
});

test('a date before the application date is refused: the enrollment is not active then', async () => {
  const s = await enrolled();
  await refused(s.worker, { ...s.body, serviceDate: '2026-01-04' }, 'serviceDate');
  const onApplicationDay = await apiClient(service.url, s.worker).post('/services', {
    ...s.body,
    serviceDate: '2026-01-05',
  });
  expect(onApplicationDay.status).toBe(201);
});

test('after the exit date the enrollment is not active; the exit day itself still is', async () => {
  const org = organization();
  const programId = randomUUID();
  const participantId = await participantOf(service, org.orgId);
  const enrollment = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    headParticipantId: participantId,
    exitDate: '2026-02-20',
    status: 'exit',
  });
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId);
  const body = { participantId, enrollmentId: enrollment.enrollmentId, serviceTypeId };
  await refused(org.worker, { ...body, serviceDate: '2026-02-21' }, 'serviceDate');
  const onExitDay = await apiClient(service.url, org.worker).post('/services', {
    ...body,
    serviceDate: '2026-02-20',
  });
  expect(onExitDay.status).toBe(201);
});

test("another participant's enrollment is refused on enrollmentId", async () => {
  const s = await enrolled();
  const other = await participantOf(service, s.orgId);
  await refused(s.worker, { ...s.body, participantId: other }, 'enrollmentId');
});

test('a household member of the enrollment may have a service recorded on it', async () => {
  const org = organization();
  const programId = randomUUID();
  const head = await participantOf(service, org.orgId);
  const child = await participantOf(service, org.orgId);
  const enrollment = await enrollmentOf(service, {
    orgId: org.orgId,
    programId,
    headParticipantId: head,
    memberParticipantIds: [head, child],
  });
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId);
  const answer = await apiClient(service.url, org.worker).post('/services', {
    participantId: child,
    enrollmentId: enrollment.enrollmentId,
    serviceTypeId,
    serviceDate: TODAY,
  });
  expect(answer.status).toBe(201);
});

test('an unknown enrollment is refused on enrollmentId', async () => {
  const s = await enrolled();
  await refused(s.worker, { ...s.body, enrollmentId: randomUUID() }, 'enrollmentId');
});

test("a type from another program's catalog is refused on serviceTypeId", async () => {
  const s = await enrolled();
  const otherProgramType = await serviceTypeOf(service, s.supervisor, randomUUID());
  await refused(s.worker, { ...s.body, serviceTypeId: otherProgramType }, 'serviceTypeId');
});

test('a type that requires a comment refuses none and takes "See Case Note"', async () => {
  const s = await enrolled({ requiresComment: true });
  await refused(s.worker, s.body, 'comment');
  const blank = await apiClient(service.url, s.worker).post('/services', {
    ...s.body,
    comment: ' ',
  });
  expect(blank.status).toBe(400); // a blank comment is no comment: refused before any rule
  expect(blank.body.errors[0].field).toBe('comment');
  const answer = await apiClient(service.url, s.worker).post('/services', {
    ...s.body,
    comment: 'See Case Note',
  });
  expect(answer.status).toBe(201);
  expect(answer.body.comment).toBe('See Case Note');
});

test('RSI "Service Provided By": required, and only from its option list', async () => {
  const s = await enrolled({
    requiresProvidedBy: true,
    providedByOptions: ['RSI staff', 'Partner school'],
  });
  await refused(s.worker, s.body, 'providedBy');
  await refused(s.worker, { ...s.body, providedBy: 'Someone else' }, 'providedBy');
  const answer = await apiClient(service.url, s.worker).post('/services', {
    ...s.body,
    providedBy: 'Partner school',
  });
  expect(answer.status).toBe(201);
  expect(answer.body.providedBy).toBe('Partner school');
});

test('a trainee status (started) on a dated type that is not a training is refused', async () => {
  const s = await enrolled({ dated: true, training: false });
  await refused(
    s.worker,
    { ...s.body, startDate: '2026-03-01', targetEndDate: '2026-06-01', status: 'started' },
    'status',
  );
  const completed = await apiClient(service.url, s.worker).post('/services', {
    ...s.body,
    startDate: '2026-03-01',
    status: 'completed',
  });
  expect(completed.status).toBe(201);
});

test('a training is started only with its target end date, never one before its start', async () => {
  const s = await enrolled({ dated: true, training: true });
  await refused(
    s.worker,
    { ...s.body, startDate: '2026-03-01', status: 'started' },
    'targetEndDate',
  );
  await refused(
    s.worker,
    { ...s.body, startDate: '2026-03-01', targetEndDate: '2026-02-01', status: 'started' },
    'targetEndDate',
  );
  const started = await apiClient(service.url, s.worker).post('/services', {
    ...s.body,
    startDate: '2026-03-01',
    targetEndDate: '2026-06-30',
    status: 'started',
  });
  expect(started.status).toBe(201);
  expect(started.body).toMatchObject({ status: 'started', targetEndDate: '2026-06-30' });
});

test('dates and status on a type that is not dated, units or amount where not allowed: refused', async () => {
  const s = await enrolled();
  await refused(s.worker, { ...s.body, status: 'completed' }, 'status');
  await refused(s.worker, { ...s.body, units: 2 }, 'units');
  await refused(s.worker, { ...s.body, amountCents: 5000 }, 'amountCents');
  const allowed = await enrolled({ unitsAllowed: true, amountAllowed: true });
  const answer = await apiClient(service.url, allowed.worker).post('/services', {
    ...allowed.body,
    units: 1.5,
    amountCents: 5000,
  });
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ units: 1.5, amountCents: 5000 });
});

test('malformed input is a 400 naming the field, never a 500, and writes nothing', async () => {
  const s = await enrolled();
  const before = await rowCounts(service.pool, tables);
  const cases: Array<[object, string]> = [
    [{ ...s.body, serviceDate: '2026-02-30' }, 'serviceDate'],
    [{ ...s.body, participantId: 'not-a-uuid' }, 'participantId'],
    [{ ...s.body, staffUserId: 'not-a-uuid' }, 'staffUserId'],
    [{ ...s.body, units: -1 }, 'units'],
    [{ ...s.body, status: 'paused' }, 'status'],
  ];
  for (const [body, field] of cases) {
    const answer = await apiClient(service.url, s.worker).post('/services', body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  }
  expect(await rowCounts(service.pool, tables)).toEqual(before);
});

test('another organization cannot record a service for a participant restricted to their owner', async () => {
  const s = await enrolled();
  const stranger = organization();
  const before = await rowCounts(service.pool, tables);
  const answer = await apiClient(service.url, stranger.worker).post('/services', s.body);
  expect(answer.status).toBe(404);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
});

test("with an active release, another organization still cannot record on the owner's enrollment", async () => {
  const owner = organization();
  const partner = organization();
  const programId = randomUUID();
  const participantId = await participantOf(service, owner.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: partner.orgId, beginDate: '2026-01-01', endDate: '2026-12-31' }],
  });
  const enrollment = await enrollmentOf(service, {
    orgId: owner.orgId,
    programId,
    headParticipantId: participantId,
  });
  const serviceTypeId = await serviceTypeOf(service, owner.supervisor, programId);
  await refused(
    partner.worker,
    { participantId, enrollmentId: enrollment.enrollmentId, serviceTypeId, serviceDate: TODAY },
    'enrollmentId',
  );
});

test('a participant whose release to my organization expired is unknown to me when recording', async () => {
  const owner = organization();
  const partner = organization();
  const participantId = await participantOf(service, owner.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: partner.orgId, beginDate: '2025-01-01', endDate: '2026-02-28' }],
  });
  const answer = await apiClient(service.url, partner.worker).post('/services', {
    participantId,
    enrollmentId: randomUUID(),
    serviceTypeId: randomUUID(),
    serviceDate: TODAY,
  });
  expect(answer.status).toBe(404);
});
